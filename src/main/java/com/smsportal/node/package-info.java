/**
 * This portal process among the nodes that share one database: its node id, which every claim of
 * in-flight work (a chunk's call to the gateway, a password rotation) and every poller lock
 * carries, so that a node starting up takes back what its own dead predecessor left in flight and
 * never touches another live node's work. {@link com.smsportal.node.NodeIdentity} is the facade.
 */
package com.smsportal.node;
