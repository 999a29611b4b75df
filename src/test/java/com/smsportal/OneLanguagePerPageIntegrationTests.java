package com.smsportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.smsportal.Routes.Route;
import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * One language per page: no page shown in Chinese holds an English sentence of our own bundles, and
 * no page shown in English a Chinese one. The walk is the route tests' own ({@link Routes}): every
 * GET route of the portal, as a customer, support and an administrator, each page found from them
 * by its links for a route with an id in its path, in each language.
 */
@PortalIntegrationTest
class OneLanguagePerPageIntegrationTests {

  /** Pages that are not the portal's own in a language: the gateway stand-in's and metrics. */
  private static final List<String> NOT_PAGES =
      List.of("/simulator/control/", "/actuator", "/logout");

  /** An English text this long (letters and spaces) reads as a sentence, not a label. */
  private static final int ENGLISH_SENTENCE = 24;

  /** A Chinese text this long is a sentence of ours, not a name in the data. */
  private static final int CHINESE_SENTENCE = 8;

  private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#?]*)");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*}");

  @Autowired MockMvc mvc;
  @Autowired AuditLog audit;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @BeforeEach
  void someAuditEntriesWithDetails() {
    audit.record(
        AuditEntry.success(
                AuditAction.ENDPOINT_RETIRED, AuditDetail.of("audit.target.endpoint", 9, "x"))
            .detail(
                AuditDetail.of(
                    "audit.detail.fieldChange",
                    AuditDetail.text("endpoints.col.status"),
                    AuditDetail.text("endpoints.status.active"),
                    AuditDetail.text("endpoints.status.retired"))));
    audit.record(
        AuditEntry.success(AuditAction.TENANT_VIEWED, AuditDetail.of("audit.target.viewAsStart")));
  }

  @Test
  void noChinesePageHoldsAnEnglishSentenceOfOursAndNoEnglishPageAChineseOne() throws Exception {
    Map<String, String> english = fragments("_en", ENGLISH_SENTENCE);
    Map<String, String> chinese = fragments("", CHINESE_SENTENCE);
    assertThat(english).hasSizeGreaterThan(100);
    assertThat(chinese).hasSizeGreaterThan(100);

    List<String> found = new ArrayList<>();
    int pages = 0;
    for (String user : List.of("acme", "support", "admin")) {
      MockHttpSession session = Logins.as(mvc, user);
      for (String path : walk(session)) {
        pages++;
        found.addAll(mixed(session, path, "zh-CN", english));
        found.addAll(mixed(session, path, "en", chinese));
      }
    }
    assertThat(pages).isGreaterThan(30);
    assertThat(found).isEmpty();
  }

  /** Every page a user reaches: the GET routes without ids, then one page per route with ids. */
  private Set<String> walk(MockHttpSession session) throws Exception {
    List<Route> routes =
        Routes.of(mappings).stream()
            .filter(r -> r.method() == HttpMethod.GET)
            .filter(r -> NOT_PAGES.stream().noneMatch(r.pattern()::startsWith))
            .filter(r -> !r.pattern().endsWith(".aspx") && !r.pattern().contains("export"))
            .toList();
    Map<Pattern, Route> withIds = new LinkedHashMap<>();
    for (Route route : routes) {
      if (route.hasVariable()) {
        withIds.put(
            Pattern.compile(route.pattern().replaceAll("\\{[^}]+}", "[^/]+").replace("/**", "/.+")),
            route);
      }
    }
    Set<String> visited = new LinkedHashSet<>();
    Set<Route> covered = new LinkedHashSet<>();
    Deque<String> next = new ArrayDeque<>();
    routes.stream().filter(r -> !r.hasVariable()).forEach(r -> next.add(r.pattern()));
    while (!next.isEmpty()) {
      String path = next.poll();
      if (!visited.add(path)) {
        continue;
      }
      String html = html(session, path, "zh-CN");
      Matcher links = HREF.matcher(html == null ? "" : html);
      while (links.find()) {
        String link = links.group(1);
        withIds.forEach(
            (pattern, route) -> {
              if (!covered.contains(route) && pattern.matcher(link).matches()) {
                covered.add(route);
                next.add(link);
              }
            });
      }
    }
    return visited;
  }

  /** The fragments of the other language's bundles that {@code path} shows in {@code language}. */
  private List<String> mixed(
      MockHttpSession session, String path, String language, Map<String, String> foreign)
      throws Exception {
    String html = html(session, path, language);
    if (html == null) {
      return List.of();
    }
    String text = visibleText(html);
    List<String> found = new ArrayList<>();
    foreign.forEach(
        (fragment, key) -> {
          if (text.contains(fragment)) {
            found.add(path + " (" + language + ") shows " + key + ": " + fragment);
          }
        });
    return found;
  }

  /** The page's HTML, or null if it is not an HTML page that answered 200. */
  private String html(MockHttpSession session, String path, String language) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get(path).param("lang", language).session(session)).andReturn().getResponse();
    String type = response.getContentType();
    if (response.getStatus() != 200 || type == null || !type.startsWith("text/html")) {
      return null;
    }
    return response.getContentAsString(StandardCharsets.UTF_8);
  }

  /** What a reader sees: the text between tags and in titles and placeholders, unescaped. */
  private static String visibleText(String html) {
    String withoutScripts = html.replaceAll("(?s)<script.*?</script>|<style.*?</style>", " ");
    StringBuilder text = new StringBuilder();
    Matcher attributes =
        Pattern.compile("(?:title|placeholder|aria-label|alt)=\"([^\"]*)\"")
            .matcher(withoutScripts);
    while (attributes.find()) {
      text.append(' ').append(attributes.group(1));
    }
    text.append(' ').append(withoutScripts.replaceAll("(?s)<[^>]*>", " "));
    return HtmlUtils.htmlUnescape(text.toString()).replaceAll("\\s+", " ");
  }

  /**
   * The sentences of one language's bundles (suffix "_en", or "" for the default Chinese) whose key
   * reads differently in the other language: each text's longest run between arguments, as long as
   * a sentence, mapped to its key.
   */
  private static Map<String, String> fragments(String suffix, int minLength) throws IOException {
    Map<String, String> fragments = new LinkedHashMap<>();
    for (Path base : baseBundles()) {
      Properties own = load(sibling(base, suffix));
      Properties other = load(sibling(base, suffix.isEmpty() ? "_en" : ""));
      for (String key : own.stringPropertyNames()) {
        String text = own.getProperty(key);
        if (text.equals(other.getProperty(key))) {
          continue;
        }
        String longest = "";
        for (String part : PLACEHOLDER.split(text.replace("''", "'"))) {
          String run = part.strip().replaceAll("\\s+", " ");
          if (run.length() > longest.length()) {
            longest = run;
          }
        }
        boolean sentence =
            suffix.isEmpty()
                ? longest
                        .codePoints()
                        .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                        .count()
                    >= minLength
                : longest.length() >= minLength && longest.matches(".*[a-z]+ [a-z]+ [a-z]+.*");
        if (sentence) {
          fragments.putIfAbsent(longest, base.getFileName() + " " + key);
        }
      }
    }
    return fragments;
  }

  private static Set<Path> baseBundles() throws IOException {
    Path resources = Path.of("src/main/resources");
    try (Stream<Path> files = Files.walk(resources)) {
      Set<Path> bases = new LinkedHashSet<>();
      files
          .filter(p -> p.getFileName().toString().matches("[a-z-]+\\.properties"))
          .filter(
              p ->
                  p.getFileName().toString().startsWith("messages")
                      || p.getParent().getFileName().toString().equals("i18n"))
          .sorted()
          .forEach(bases::add);
      return bases;
    }
  }

  private static Path sibling(Path base, String suffix) {
    return base.resolveSibling(
        base.getFileName().toString().replace(".properties", suffix + ".properties"));
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
