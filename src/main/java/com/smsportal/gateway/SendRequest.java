package com.smsportal.gateway;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One submit to the gateway (one chunk of a send job).
 *
 * @param sendTime null to send now, else when to send, in China Standard Time (Asia/Shanghai)
 * @param extno the extension sub-number (digits, at most 10), or null/empty for none
 */
public record SendRequest(
    List<String> mobiles, String content, LocalDateTime sendTime, String extno) {

  public SendRequest {
    mobiles = mobiles == null ? List.of() : List.copyOf(mobiles);
    content = content == null ? "" : content;
    extno = extno == null ? "" : extno;
  }

  public static SendRequest now(List<String> mobiles, String content) {
    return new SendRequest(mobiles, content, null, "");
  }
}
