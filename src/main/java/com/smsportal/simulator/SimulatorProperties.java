package com.smsportal.simulator;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulator's accounts and behaviour ({@code smsportal.simulator.*}).
 *
 * @param reportDelay how long after a send (or its scheduled time) its status reports appear
 * @param hangFor how long the {@code HANG} and {@code LOST_ANSWER} faults keep a request waiting
 * @param firstTaskId the taskID of the first send after a start or reset
 * @param blockedWords the words {@code checkkeyword} finds and {@code send} refuses
 */
@ConfigurationProperties("smsportal.simulator")
record SimulatorProperties(
    @DefaultValue("2s") Duration reportDelay,
    @DefaultValue("30s") Duration hangFor,
    @DefaultValue("1500") long firstTaskId,
    @DefaultValue({"赌博", "代开发票", "六合彩"}) List<String> blockedWords,
    @DefaultValue List<Account> accounts) {

  /**
   * One account the simulator accepts.
   *
   * @param balance the prepaid points at start, also counted as recharged ({@code sendTotal})
   * @param reportsAllowed false makes statusApi and callApi answer error 3
   * @param systemExt the sub-number the "system" prepends to extno in replies, unless ownExt=1
   */
  record Account(
      String userid,
      String account,
      String password,
      @DefaultValue("0") long balance,
      @DefaultValue("true") boolean reportsAllowed,
      @DefaultValue("") String systemExt) {

    @Override
    public String toString() {
      return "Account[userid=" + userid + ", account=" + account + ", password=****]";
    }
  }
}
