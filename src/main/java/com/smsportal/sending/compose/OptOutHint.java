package com.smsportal.sending.compose;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether the compose page should suggest an opt-out phrase (“回T退订”): carriers expect one in
 * marketing texts, never in a verification code. The rule, as the page applies it (issue 23):
 *
 * <ul>
 *   <li>A text <b>has an opt-out phrase</b> if it contains 退订 or 拒收, or (any case) “unsubscribe”,
 *       “opt out”/“opt-out” or “reply STOP”/“text STOP”.
 *   <li>A text <b>is a verification code</b> if it names one (验证码, 校验码, 动态码, 动态密码, 确认码,
 *       “verification code”, “security code”, “one-time code”, “OTP”, “code is”) <i>and</i> holds a
 *       code of 4 to 8 digits standing alone (not part of a longer number), <i>and</i> has no
 *       marketing cue (优惠, 促销, 折扣, 打折, 特价, 红包, 领取, 会员日, 大促, 秒杀, 满减, 抢购, 活动, 下单, “sale”, “discount”,
 *       “offer”, “promo”, “coupon”, “% off”).
 *   <li>The hint is shown for a non-empty text that is not a verification code and has no opt-out
 *       phrase.
 * </ul>
 */
final class OptOutHint {

  private static final List<String> OPT_OUT_PHRASES =
      List.of("退订", "拒收", "unsubscribe", "opt out", "opt-out", "reply stop", "text stop");

  private static final List<String> CODE_CUES =
      List.of(
          "验证码",
          "校验码",
          "动态码",
          "动态密码",
          "确认码",
          "verification code",
          "security code",
          "one-time code",
          "otp",
          "code is");

  private static final List<String> MARKETING_CUES =
      List.of(
          "优惠",
          "促销",
          "折扣",
          "打折",
          "特价",
          "红包",
          "领取",
          "会员日",
          "大促",
          "秒杀",
          "满减",
          "抢购",
          "活动",
          "下单",
          "sale",
          "discount",
          "offer",
          "promo",
          "coupon",
          "% off");

  /** 4 to 8 digits with no digit right before or after. */
  private static final Pattern CODE = Pattern.compile("(?<![0-9０-９])[0-9]{4,8}(?![0-9０-９])");

  private OptOutHint() {}

  /** Whether to show the hint for this text. */
  static boolean needed(String text) {
    return text != null
        && !text.isBlank()
        && !hasOptOutPhrase(text)
        && !looksLikeVerificationCode(text);
  }

  static boolean hasOptOutPhrase(String text) {
    return containsAny(lower(text), OPT_OUT_PHRASES);
  }

  static boolean looksLikeVerificationCode(String text) {
    String lower = lower(text);
    return containsAny(lower, CODE_CUES)
        && CODE.matcher(text).find()
        && !containsAny(lower, MARKETING_CUES);
  }

  private static String lower(String text) {
    return text == null ? "" : text.toLowerCase(Locale.ROOT);
  }

  private static boolean containsAny(String text, List<String> words) {
    return words.stream().anyMatch(text::contains);
  }
}
