package com.smsportal.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTests {

  @Test
  void aTemplateIsRenderedWithEachRecipientsValues() {
    Placeholders.Reading reading = Placeholders.read("【Acme】${name}您好，订单${order_1}已发货，$5 优惠");

    assertThat(reading.ok()).isTrue();
    assertThat(reading.parsed().orderedNames()).containsExactly("name", "order_1");
    assertThat(reading.parsed().render(Map.of("name", " 张三 ", "order_1", "A17")))
        .isEqualTo("【Acme】张三您好，订单A17已发货，$5 优惠");
  }

  @Test
  void aMissingOrBlankValueRendersNothingAndIsNamed() {
    Placeholders.Parsed parsed = Placeholders.read("${a}-${b}-${a}").parsed();

    assertThat(parsed.render(Map.of("a", "1", "b", " "))).isNull();
    assertThat(parsed.missing(Map.of("a", "1"))).containsExactly("b");
  }

  @Test
  void anUnclosedPlaceholderIsRefusedAtTheDollarThatOpensIt() {
    Placeholders.Fault fault = Placeholders.read("您好${name，再见").fault();

    assertThat(fault.key()).isEqualTo("placeholder.unclosed");
    assertThat(fault.position()).isEqualTo(3);
  }

  @Test
  void aPlaceholderOpenedInsideAnotherIsUnclosed() {
    assertThat(Placeholders.read("${a ${b}").fault().position()).isEqualTo(1);
  }

  @Test
  void aNameWithOtherCharactersIsRefusedWithTheWholePlaceholder() {
    Placeholders.Fault fault = Placeholders.read("Hi ${user-name}!").fault();

    assertThat(fault.key()).isEqualTo("placeholder.badName");
    assertThat(fault.position()).isEqualTo(4);
    assertThat(fault.detail()).isEqualTo("${user-name}");
    assertThat(Placeholders.read("${}").fault().key()).isEqualTo("placeholder.badName");
  }

  @Test
  void aClosingBraceWithoutItsOpeningIsRefused() {
    Placeholders.Fault fault = Placeholders.read("ab}").fault();

    assertThat(fault.key()).isEqualTo("placeholder.unopened");
    assertThat(fault.position()).isEqualTo(3);
  }

  @Test
  void aTextWithoutPlaceholdersIsNotPersonalised() {
    assertThat(Placeholders.read("plain $ text").parsed().personalised()).isFalse();
  }
}
