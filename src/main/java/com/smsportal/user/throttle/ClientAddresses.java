package com.smsportal.user.throttle;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The key a client's failed logins are counted under: an IPv4 address as it is, an IPv6 address by
 * its /64 (one subscriber usually holds a whole /64 and can pick any address in it).
 */
public final class ClientAddresses {

  static final String UNKNOWN = "unknown";

  private ClientAddresses() {}

  public static String key(String remoteAddress) {
    if (remoteAddress == null || remoteAddress.isBlank()) {
      return UNKNOWN;
    }
    String literal = remoteAddress.strip().replaceAll("^\\[|\\]$", "").replaceAll("%.*$", "");
    boolean ipv4 = literal.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    boolean ipv6 = literal.contains(":") && literal.matches("[0-9A-Fa-f:.]{2,45}");
    if (ipv4) {
      String[] octets = literal.split("\\.");
      StringBuilder normal = new StringBuilder();
      for (String octet : octets) {
        int value = Integer.parseInt(octet);
        if (value > 255) {
          return UNKNOWN;
        }
        normal.append(normal.isEmpty() ? "" : ".").append(value);
      }
      return normal.toString();
    }
    if (!ipv6) {
      return UNKNOWN;
    }
    try {
      // An IPv6 literal (a host name has no ':'): parsed, never looked up.
      InetAddress address = InetAddress.getByName(literal);
      if (address instanceof Inet6Address) {
        byte[] bytes = address.getAddress();
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
          prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)));
          prefix.append(':');
        }
        return prefix.append(":/64").toString();
      }
      return address.getHostAddress();
    } catch (UnknownHostException e) {
      return UNKNOWN;
    }
  }
}
