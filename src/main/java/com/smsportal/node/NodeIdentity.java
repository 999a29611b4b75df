package com.smsportal.node;

import java.io.IOException;

/**
 * The name of this portal process among the nodes that share the database. It outlives a restart (a
 * crash included): what a node finds claimed under its own id at start-up was claimed by its dead
 * predecessor, and nobody else will ever finish it. Two running portals never share one.
 */
public final class NodeIdentity {

  private final String id;
  private final NodeIdFile file;

  NodeIdentity(String id, NodeIdFile file) {
    this.id = id;
    this.file = file;
  }

  /**
   * A node named by the operator ({@code smsportal.node.id}), holding no data directory; also how a
   * test runs a second node's work in one JVM.
   */
  public static NodeIdentity named(String id) {
    if (!NodeConfiguration.valid(id)) {
      throw new IllegalArgumentException("not a valid node id");
    }
    return new NodeIdentity(id, null);
  }

  public String id() {
    return id;
  }

  /** Lets go of the data directory (the context closes). */
  void close() throws IOException {
    if (file != null) {
      file.close();
    }
  }

  @Override
  public String toString() {
    return id;
  }
}
