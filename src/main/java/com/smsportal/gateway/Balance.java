package com.smsportal.gateway;

/**
 * The answer of {@code overage}.
 *
 * @param payInfo the payment mode as the gateway writes it: 预付费 (prepaid) or 后付费 (postpaid)
 * @param overage the balance
 * @param sendTotal for a prepaid account, the total points ever recharged
 */
public record Balance(String payInfo, long overage, long sendTotal, String rawAnswer) {

  public boolean prepaid() {
    return "预付费".equals(payInfo);
  }
}
