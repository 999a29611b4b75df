package com.smsportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The list-and-export machinery of the receipts and replies pages, on rows in memory: the page a
 * request's parameters ask for, bad input explained with no query run, and the export of the same
 * filter (or the way back to the page when the filter cannot be read).
 */
class KeysetListTests {

  /** A row every second, id 1 the oldest. */
  record Message(long id, Instant receivedAt, String mobile) implements KeysetList.Row {
    @Override
    public PageCursor cursor() {
      return new PageCursor(receivedAt, id);
    }
  }

  /** The page's filter: one optional number. */
  record Filter(String mobile) {}

  static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T17:00:00Z"), ZoneOffset.UTC);

  /** The rows, newest first, with what each query asked. */
  static final class Messages implements KeysetList.Rows<Filter, Message> {
    final List<Message> newestFirst = new ArrayList<>();
    final List<String> asked = new ArrayList<>();

    Messages(int count, String... mobiles) {
      for (long id = count; id >= 1; id--) {
        newestFirst.add(
            new Message(id, START.plusSeconds(id), mobiles[(int) (id % mobiles.length)]));
      }
    }

    @Override
    public List<Message> page(Filter filter, PageCursor before, int limit) {
      asked.add("page " + (before == null ? "-" : before.token()) + " " + limit);
      return newestFirst.stream()
          .filter(m -> filter.mobile() == null || filter.mobile().equals(m.mobile()))
          .filter(m -> before == null || m.id() < before.id())
          .limit(limit)
          .toList();
    }

    @Override
    public List<Message> pageBelowId(Filter filter, Long beforeId, int limit) {
      asked.add("below " + beforeId + " " + limit);
      return page(
          filter,
          beforeId == null ? null : new PageCursor(START.plusSeconds(beforeId), beforeId),
          limit);
    }
  }

  private final List<Filter> exported = new ArrayList<>();
  private final List<String> onStreamThread = new ArrayList<>();

  private KeysetList<Filter, Message> list(Messages messages, Map<Long, String> accounts) {
    return new KeysetList<>(
        "/messages",
        "messages",
        3,
        input -> new Filter(input.mobile("mobile")),
        messages,
        () -> accounts,
        new KeysetList.Csv<>(
            CLOCK,
            new org.springframework.context.support.StaticMessageSource(),
            List.of("id", "mobile"),
            m -> List.of(m.id(), m.mobile())));
  }

  private static MockHttpServletRequest get(String query) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/messages");
    request.setContextPath("/portal");
    request.setQueryString(query);
    for (String pair : query.split("&")) {
      String[] kv = pair.split("=", 2);
      request.addParameter(
          kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return request;
  }

  @Test
  void aPageShowsItsRowsNewestFirstAndWhereTheOlderLinkStarts() {
    Messages messages = new Messages(5, "13800138000");
    ExtendedModelMap model = new ExtendedModelMap();

    Filter filter = list(messages, Map.of(1L, "Main")).show(get("lang=en"), model);

    assertThat(filter).isEqualTo(new Filter(null));
    assertThat(model.get("messages")).asList().extracting("id").containsExactly(5L, 4L, 3L);
    assertThat(model.get("nextBefore")).isEqualTo(new PageCursor(START.plusSeconds(3), 3).token());
    assertThat(model.get("paged")).isEqualTo(false);
    assertThat(model.get("errors")).isEqualTo(Map.of());
    assertThat(model.get("accountNames")).isEqualTo(Map.of(1L, "Main"));
    assertThat(model.get("severalAccounts")).isEqualTo(false);
    assertThat(messages.asked).as("one row more than a page").containsExactly("page - 4");
  }

  @Test
  void theOlderLinkShowsTheRowsBelowItsCursorAndTheLastPageHasNoOlderLink() {
    Messages messages = new Messages(5, "13800138000");
    ExtendedModelMap model = new ExtendedModelMap();
    String cursor = new PageCursor(START.plusSeconds(3), 3).token();

    list(messages, Map.of(1L, "Main", 2L, "Backup")).show(get("before=" + cursor), model);

    assertThat(model.get("messages")).asList().extracting("id").containsExactly(2L, 1L);
    assertThat(model.get("nextBefore")).isNull();
    assertThat(model.get("paged")).isEqualTo(true);
    assertThat(model.get("severalAccounts")).isEqualTo(true);
  }

  @Test
  void theFilterNarrowsTheRows() {
    Messages messages = new Messages(6, "13800138000", "13900139000");
    ExtendedModelMap model = new ExtendedModelMap();

    Filter filter = list(messages, Map.of()).show(get("mobile=%2B86+139-0013-9000"), model);

    assertThat(filter.mobile()).isEqualTo("13900139000");
    assertThat(model.get("messages")).asList().extracting("id").containsExactly(5L, 3L, 1L);
  }

  @Test
  void badInputIsExplainedNextToItsFieldAndNoRowsAreRead() {
    Messages messages = new Messages(5, "13800138000");
    ExtendedModelMap model = new ExtendedModelMap();

    list(messages, Map.of()).show(get("mobile=138abc&before=yesterday"), model);

    assertThat(model.get("errors"))
        .isEqualTo(Map.of("mobile", "filter.error.mobile", "before", "filter.error.cursor"));
    assertThat(model.get("messages")).asList().isEmpty();
    assertThat(model.get("nextBefore")).isNull();
    assertThat(messages.asked).isEmpty();
  }

  @Test
  void aParameterSentTwiceIsReadAsARequestParamReadsIt() {
    Messages messages = new Messages(5, "13800138000");
    ExtendedModelMap model = new ExtendedModelMap();

    list(messages, Map.of()).show(get("mobile=13800138000&mobile=13900139000"), model);

    assertThat(model.get("errors")).isEqualTo(Map.of("mobile", "filter.error.mobile"));
  }

  @Test
  void anExportOfBadInputGoesBackToThePageWithTheSameParametersAndRecordsNothing() {
    Messages messages = new Messages(5, "13800138000");

    ResponseEntity<StreamingResponseBody> answer =
        list(messages, Map.of()).export(get("mobile=138abc&lang=en"), exported::add, carried());

    assertThat(answer.getStatusCode().value()).isEqualTo(303);
    assertThat(answer.getHeaders().getLocation())
        .hasToString("/portal/messages?mobile=138abc&lang=en");
    assertThat(exported).isEmpty();
    assertThat(messages.asked).isEmpty();
  }

  @Test
  void anExportRecordsItsFilterThenStreamsEveryMatchingRowInBatchesOnTheCarriedContext()
      throws Exception {
    int count = CsvDownload.BATCH * 2 + 2; // every other row matches: one full batch and one more
    Messages messages = new Messages(count, "13800138000", "13900139000");

    ResponseEntity<StreamingResponseBody> answer =
        list(messages, Map.of()).export(get("mobile=13800138000"), exported::add, carried());

    assertThat(exported).containsExactly(new Filter("13800138000"));
    assertThat(messages.asked).as("nothing read before the stream is written").isEmpty();
    assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .contains("messages-2026-03-02.csv"); // 17:00 UTC is the next day in China
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    answer.getBody().writeTo(out);
    List<String> lines = new String(out.toByteArray(), StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(0)).isEqualTo("\uFEFFid,mobile");
    List<String> expected =
        LongStream.iterate(count, id -> id >= 1, id -> id - 2)
            .mapToObj(id -> id + ",13800138000")
            .toList();
    assertThat(lines.subList(1, lines.size())).containsExactlyElementsOf(expected);
    assertThat(onStreamThread).hasSize(2);
    assertThat(messages.asked)
        .startsWith("below null " + CsvDownload.BATCH, "page - " + CsvDownload.BATCH)
        .contains("below 4 " + CsvDownload.BATCH);
  }

  /** Runs each batch as the controller's context would, noting that it did. */
  private Function<Supplier<List<Message>>, List<Message>> carried() {
    return batch -> {
      onStreamThread.add("batch");
      return batch.get();
    };
  }
}
