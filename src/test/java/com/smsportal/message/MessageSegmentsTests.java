package com.smsportal.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.message.SegmentCount.Encoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageSegmentsTests {

  @ParameterizedTest(name = "{0} chars of {1} -> {3} segment(s)")
  @CsvSource({
    // length, repeated text, encoding, segments
    "0, a, GSM_7, 0",
    "1, a, GSM_7, 1",
    "160, a, GSM_7, 1",
    "161, a, GSM_7, 2",
    "306, a, GSM_7, 2",
    "307, a, GSM_7, 3",
    "1, 中, UCS_2, 1",
    "70, 中, UCS_2, 1",
    "71, 中, UCS_2, 2",
    "134, 中, UCS_2, 2",
    "135, 中, UCS_2, 3",
  })
  void countsSegmentsAtTheLimitsOfEachEncoding(
      int length, String unit, Encoding encoding, int segments) {
    SegmentCount count = MessageSegments.count(unit.repeat(length));
    assertThat(count.encoding()).isEqualTo(encoding);
    assertThat(count.segments()).isEqualTo(segments);
  }

  @Test
  void oneChineseCharacterTurnsAGsmMessageIntoUcs2() {
    String english = "a".repeat(100);
    assertThat(MessageSegments.count(english).segments()).isEqualTo(1);
    SegmentCount mixed = MessageSegments.count(english + "好");
    assertThat(mixed.encoding()).isEqualTo(Encoding.UCS_2);
    assertThat(mixed.segments()).isEqualTo(2);
  }

  @Test
  void theSignatureCountsLikeTheRestOfTheText() {
    String body = "您的验证码是123456，5分钟内有效。".repeat(3);
    int withoutSignature = MessageSegments.count(body).units();
    assertThat(MessageSegments.count("【聚合云】" + body).units()).isEqualTo(withoutSignature + 5);
  }

  @Test
  void gsmExtensionCharactersTakeTwoSeptetsAndAreNeverCutInTwo() {
    assertThat(MessageSegments.count("€".repeat(80)).units()).isEqualTo(160);
    assertThat(MessageSegments.count("€".repeat(80)).segments()).isEqualTo(1);
    assertThat(MessageSegments.count("€".repeat(81)).segments()).isEqualTo(2);
    // 152 plain septets then a two-septet €: the € opens the second part instead of being split.
    SegmentCount split = MessageSegments.count("a".repeat(152) + "€" + "a".repeat(10));
    assertThat(split.units()).isEqualTo(164);
    assertThat(split.segments()).isEqualTo(2);
    SegmentCount tight = MessageSegments.count("a".repeat(152) + "€" + "a".repeat(152));
    assertThat(tight.units()).isEqualTo(306);
    assertThat(tight.segments()).isEqualTo(3);
  }

  @Test
  void gsmEdgeCharactersStayGsm7AndOthersDoNot() {
    assertThat(MessageSegments.count("@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¡¿§äöñüà").encoding())
        .isEqualTo(Encoding.GSM_7);
    assertThat(MessageSegments.count("ç").encoding()).isEqualTo(Encoding.UCS_2);
    assertThat(MessageSegments.count("`").encoding()).isEqualTo(Encoding.UCS_2);
    assertThat(MessageSegments.count("，").encoding()).isEqualTo(Encoding.UCS_2);
  }

  @Test
  void emojiAndRareCjkTakeTwoUnitsAndAreNeverCutInTwo() {
    assertThat(MessageSegments.count("😀").units()).isEqualTo(2);
    assertThat(MessageSegments.count("𠀀").units()).isEqualTo(2);
    assertThat(MessageSegments.count("😀".repeat(35)).segments()).isEqualTo(1);
    // 66 units of 中, then an emoji of 2 units would straddle the 67-unit part: it moves on.
    SegmentCount count = MessageSegments.count("中".repeat(66) + "😀" + "中".repeat(10));
    assertThat(count.units()).isEqualTo(78);
    assertThat(count.segments()).isEqualTo(2);
    assertThat(MessageSegments.count("中".repeat(66) + "😀".repeat(34)).segments()).isEqualTo(3);
  }
}
