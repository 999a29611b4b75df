package com.smsportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text exists in both languages, and every key a template names exists. */
class MessageBundlesTests {

  static final Path RESOURCES = Path.of("src/main/resources");
  static final Pattern ARGUMENT = Pattern.compile("\\{\\d");
  static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");

  @Test
  void everyDefaultChineseTextHasAnEnglishTranslationAndNoEnglishTextIsOrphaned()
      throws IOException {
    for (Path base : baseBundles()) {
      Path english = sibling(base, "_en");
      assertThat(english).as("English bundle of " + base).exists();
      assertThat(load(english).stringPropertyNames())
          .as(english.toString())
          .containsExactlyInAnyOrderElementsOf(load(base).stringPropertyNames());
    }
  }

  @Test
  void theChineseBundleOnlyInheritsFromTheDefault() throws IOException {
    for (Path base : baseBundles()) {
      Path chinese = sibling(base, "_zh_CN");
      assertThat(chinese).as("zh_CN bundle of " + base).exists();
      assertThat(load(base).stringPropertyNames()).containsAll(load(chinese).stringPropertyNames());
    }
  }

  @Test
  void noTranslationIsLeftEmpty() throws IOException {
    for (Path base : baseBundles()) {
      for (Path bundle : new Path[] {base, sibling(base, "_en")}) {
        Properties texts = load(bundle);
        assertThat(texts.stringPropertyNames())
            .as(bundle.toString())
            .allSatisfy(key -> assertThat(texts.getProperty(key)).as(key).isNotBlank());
      }
    }
  }

  /**
   * A text with arguments is a MessageFormat pattern, where a single apostrophe quotes: "account's
   * {0}" would show "accounts {0}". Such a text writes an apostrophe twice; one without arguments
   * is shown as written and keeps it single.
   */
  @Test
  void aTextWithArgumentsShowsItsApostrophesAndFillsItsArguments() throws IOException {
    for (Path base : baseBundles()) {
      for (Path bundle : new Path[] {base, sibling(base, "_en")}) {
        Properties texts = load(bundle);
        for (String key : texts.stringPropertyNames()) {
          String text = texts.getProperty(key);
          if (!ARGUMENT.matcher(text).find()) {
            continue;
          }
          Object[] arguments = {7, 7, 7, 7, 7, 7};
          String shown = new java.text.MessageFormat(text).format(arguments);
          assertThat(shown).as(bundle + ": " + key).doesNotContainPattern("\\{\\d");
          assertThat(shown.chars().filter(c -> c == '\'').count())
              .as(bundle + ": " + key + " (apostrophes shown)")
              .isEqualTo(text.replace("''", "'").chars().filter(c -> c == '\'').count());
        }
      }
    }
  }

  /** Every bundle the tests read is one the portal reads, and the other way round. */
  @Test
  void theCheckedBundlesAreExactlyThoseThePortalReads() throws IOException {
    Properties application = load(RESOURCES.resolve("application.properties"));
    Set<String> read = new TreeSet<>();
    for (String basename : application.getProperty("spring.messages.basename").split(",")) {
      read.add(RESOURCES.resolve(basename.strip() + ".properties").toString());
    }
    Set<String> checked = new TreeSet<>();
    baseBundles().forEach(p -> checked.add(p.toString()));
    assertThat(checked).isEqualTo(read);
  }

  /**
   * What a reader sees of every English text, rendered as the portal renders it (arguments or not):
   * each apostrophe written, once. A text without arguments is shown as written, so "''" there
   * would show twice; one with arguments loses a single apostrophe.
   */
  @Test
  void everyEnglishApostropheIsShownOnceAsThePortalRendersIt() throws IOException {
    org.springframework.context.support.ResourceBundleMessageSource messages =
        new org.springframework.context.support.ResourceBundleMessageSource();
    Properties application = load(RESOURCES.resolve("application.properties"));
    messages.setBasenames(application.getProperty("spring.messages.basename").split(","));
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    int withApostrophe = 0;
    for (Path base : baseBundles()) {
      Properties english = load(sibling(base, "_en"));
      for (String key : english.stringPropertyNames()) {
        String text = english.getProperty(key);
        if (text.indexOf('\'') < 0) {
          continue;
        }
        withApostrophe++;
        boolean arguments = ARGUMENT.matcher(text).find();
        String shown =
            messages.getMessage(
                key.strip(),
                arguments ? new Object[] {7, 7, 7, 7, 7, 7} : null,
                java.util.Locale.ENGLISH);
        long written =
            (arguments ? text.replace("''", "'") : text).chars().filter(c -> c == '\'').count();
        assertThat(shown).as(base + ": " + key).doesNotContain("''");
        assertThat(shown.chars().filter(c -> c == '\'').count())
            .as(base + ": " + key + " (apostrophes shown)")
            .isEqualTo(written);
      }
    }
    assertThat(withApostrophe).isGreaterThan(10);
  }

  @Test
  void everyMessageKeyWrittenInATemplateExists() throws IOException {
    Set<String> known = new TreeSet<>();
    for (Path base : baseBundles()) {
      known.addAll(load(base).stringPropertyNames());
    }
    Set<String> used = new TreeSet<>();
    try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
      for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
        Matcher matcher = LITERAL_KEY.matcher(Files.readString(template));
        while (matcher.find()) {
          used.add(matcher.group(1));
        }
      }
    }
    assertThat(used).isNotEmpty();
    assertThat(known).containsAll(used);
  }

  private static Set<Path> baseBundles() throws IOException {
    try (Stream<Path> files = Files.walk(RESOURCES)) {
      Set<Path> bases = new TreeSet<>();
      files
          .filter(p -> p.toString().endsWith(".properties"))
          .filter(p -> p.getFileName().toString().matches("[a-z-]+\\.properties"))
          .filter(p -> p.getFileName().toString().startsWith("messages") || isI18n(p))
          .forEach(bases::add);
      assertThat(bases).isNotEmpty();
      return bases;
    }
  }

  private static boolean isI18n(Path path) {
    return path.getParent().getFileName().toString().equals("i18n");
  }

  private static Path sibling(Path base, String suffix) {
    String name = base.getFileName().toString().replace(".properties", suffix + ".properties");
    return base.resolveSibling(name);
  }

  private static Properties load(Path bundle) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(bundle);
        Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }
}
