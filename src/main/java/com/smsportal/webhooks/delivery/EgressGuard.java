package com.smsportal.webhooks.delivery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where a delivery may go. A tenant types the URL, so it is checked at each delivery, not once:
 * {@code https} only (plain {@code http} only where {@code smsportal.webhooks.allow-http} is on:
 * the demo and the tests), no user info, and the host resolved now and refused when ANY of its
 * addresses is loopback, private (10/8, 172.16/12, 192.168/16, 100.64/10 CGNAT, fc00::/7 ULA),
 * link-local (169.254/16 with the cloud metadata address 169.254.169.254, fe80::/10), multicast,
 * unspecified, reserved, or the AWS metadata address fd00:ec2::254 (a ULA), unless {@code
 * smsportal.webhooks.allow-private-addresses} is on. The {@link Target} carries the address that
 * was checked: the client connects to it and never resolves the name again (a second lookup could
 * answer otherwise: DNS rebinding).
 */
public final class EgressGuard {

  /** Resolves a host name to every address it has (the JDK's, or a test's). */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** Where to connect: the URL's parts and the one checked address. */
  public record Target(
      boolean https, String host, int port, String pathAndQuery, InetAddress address) {

    /** The Host header's value: the port only when it is not the scheme's. */
    String hostHeader() {
      String name = host.contains(":") ? "[" + host + "]" : host;
      return port == (https ? 443 : 80) ? name : name + ":" + port;
    }
  }

  /** The answer: a target, or why not (a message key of the webhooks bundle). */
  public record Verdict(Target target, String refusal) {
    public boolean allowed() {
      return target != null;
    }
  }

  private final boolean allowHttp;
  private final boolean allowPrivate;
  private final Resolver resolver;

  public EgressGuard(boolean allowHttp, boolean allowPrivate, Resolver resolver) {
    this.allowHttp = allowHttp;
    this.allowPrivate = allowPrivate;
    this.resolver = resolver;
  }

  /** The URL's form alone, without resolving it (the page's check): null if fine, else a key. */
  public String formProblem(String url) {
    try {
      URI uri = new URI(url == null ? "" : url.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("https") && !(scheme.equals("http") && allowHttp)) {
        return allowHttp ? "webhooks.url.scheme" : "webhooks.url.httpsOnly";
      }
      if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
        return "webhooks.url.invalid";
      }
      return null;
    } catch (URISyntaxException e) {
      return "webhooks.url.invalid";
    }
  }

  /** Checks the URL and resolves its host now. */
  public Verdict check(String url) {
    String problem = formProblem(url);
    if (problem != null) {
      return new Verdict(null, problem);
    }
    URI uri = URI.create(url.trim());
    boolean https = uri.getScheme().equalsIgnoreCase("https");
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      return new Verdict(null, "webhooks.egress.unresolved");
    }
    if (addresses == null || addresses.length == 0) {
      return new Verdict(null, "webhooks.egress.unresolved");
    }
    if (!allowPrivate) {
      for (InetAddress address : addresses) {
        if (forbidden(address)) {
          return new Verdict(null, "webhooks.egress.private");
        }
      }
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      path += "?" + uri.getRawQuery();
    }
    int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
    return new Verdict(new Target(https, host, port, path, addresses[0]), null);
  }

  /** Whether an address is one no webhook may reach (unless private addresses are allowed). */
  public static boolean forbidden(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return forbiddenV4(b);
    }
    if (address instanceof Inet6Address) {
      int first = b[0] & 0xff;
      if ((first & 0xfe) == 0xfc) {
        return true; // fc00::/7 unique local, fd00:ec2::254 among them
      }
      if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
        return forbiddenV4(tail(b)); // ::ffff:a.b.c.d
      }
      if (isZero(b, 0, 12)) {
        return true; // ::a.b.c.d (deprecated), ::1 and :: above
      }
      if ((b[0] & 0xff) == 0
          && (b[1] & 0xff) == 0x64
          && (b[2] & 0xff) == 0xff
          && (b[3] & 0xff) == 0x9b
          && isZero(b, 4, 12)) {
        return forbiddenV4(tail(b)); // 64:ff9b::/96 NAT64
      }
      return (b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02; // 2002::/16 6to4: refuse outright
    }
    return true;
  }

  private static boolean forbiddenV4(byte[] b) {
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    return a0 == 0 // 0/8 "this network"
        || a0 == 10
        || a0 == 127
        || (a0 == 100 && (a1 & 0xc0) == 64) // 100.64/10 CGNAT
        || (a0 == 169 && a1 == 254) // link-local, 169.254.169.254 metadata
        || (a0 == 172 && (a1 & 0xf0) == 16)
        || (a0 == 192 && a1 == 168)
        || (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) // 192.0.0/24 IETF
        || (a0 == 198 && (a1 & 0xfe) == 18) // 198.18/15 benchmarking
        || a0 >= 224; // multicast, 240/4 reserved, broadcast
  }

  private static byte[] tail(byte[] b) {
    return new byte[] {b[12], b[13], b[14], b[15]};
  }

  private static boolean isZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
