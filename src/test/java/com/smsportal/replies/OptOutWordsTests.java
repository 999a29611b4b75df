package com.smsportal.replies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptOutWordsTests {

  private final OptOutWords words = new OptOutWords(List.of("T", "TD", "退订", "取消", "N"));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "T", "t", "TD", "td", "Td", " TD ", "ＴＤ", "ｔｄ", "退订", "退订。", "取消!", "n", "Ｎ", "T\n"
      })
  void aReplyThatIsOnlyAnOptOutWordOptsOut(String reply) {
    assertThat(words.isOptOut(reply)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "T恤多少钱", "不要退订", "请取消订单123", "TDD", "No", "好的", "1"})
  void aReplyThatSaysMoreDoesNot(String reply) {
    assertThat(words.isOptOut(reply)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"STOP", "stop", "ＳＴＯＰ"})
  void theListIsConfigurable(String reply) {
    assertThat(new OptOutWords(List.of("STOP")).isOptOut(reply)).isTrue();
    assertThat(words.isOptOut(reply)).isFalse();
  }
}
