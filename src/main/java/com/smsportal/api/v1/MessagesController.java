package com.smsportal.api.v1;

import com.smsportal.api.key.ApiProblem;
import com.smsportal.mobile.MobileNumber;
import com.smsportal.sending.RequestedSends;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/messages}: a send through the compose page's own review and job store ({@link
 * RequestedSends}). The {@code Idempotency-Key} header is required: the same key with the same body
 * answers the same job and sends nothing again, with another body 409. {@code dryRun=true} answers
 * what the page's confirmation would show and stores nothing.
 */
@RestController
@Tag(
    name = "Messages · 发送",
    description = "Send messages through the compose page's rules · 按发送页面的全部规则发送")
class MessagesController {

  static final int MAX_KEY = 64;

  private final RequestedSends sends;
  private final Idempotency idempotency;
  private final MessageSource messages;

  MessagesController(RequestedSends sends, Idempotency idempotency, MessageSource messages) {
    this.sends = sends;
    this.idempotency = idempotency;
    this.messages = messages;
  }

  @Operation(
      summary = "Send messages (发送短信)",
      description =
          "202 with the job id; the same Idempotency-Key with the same body answers the same job,"
              + " with another body 409. dryRun=true: the summary only, nothing stored.")
  @PostMapping(path = "/api/v1/messages", consumes = "application/json")
  ResponseEntity<?> send(
      @RequestBody SendBody body,
      @Parameter(description = "Required unless dryRun; at most 64 characters")
          @RequestHeader(name = "Idempotency-Key", required = false)
          String key,
      @RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun,
      HttpServletRequest request) {
    Locale locale = ApiProblem.locale(request);
    List<RequestedSends.Objection> numbers = numberObjections(body);
    if (!numbers.isEmpty()) {
      // Every fault at once: the numbers' own, then what the review says of the rest.
      List<RequestedSends.Objection> all = new ArrayList<>(numbers);
      all.addAll(sends.check(body.request(null)).objections());
      return invalid(new RequestedSends.Outcome(all, null, null, false), locale);
    }
    if (dryRun) {
      RequestedSends.Outcome checked = sends.check(body.request(null));
      if (!checked.accepted()) {
        return invalid(checked, locale);
      }
      return ResponseEntity.ok(Map.of("dryRun", true, "summary", checked.summary()));
    }
    String idem = key == null ? "" : key.strip();
    if (idem.isEmpty() || idem.length() > MAX_KEY) {
      return problem(
          ApiProblem.of(messages, locale, HttpStatus.BAD_REQUEST, "idempotency-key", MAX_KEY));
    }
    String hash = body.canonicalHash();
    Optional<Idempotency.Claim> earlier = idempotency.claim(idem, hash);
    if (earlier.isPresent()) {
      Idempotency.Claim claim = earlier.get();
      if (!claim.bodyHash().equals(hash)) {
        return problem(
            ApiProblem.of(messages, locale, HttpStatus.CONFLICT, "idempotency-conflict"));
      }
      if (claim.jobId() == null) {
        return problem(
            ApiProblem.of(messages, locale, HttpStatus.CONFLICT, "idempotency-in-progress"));
      }
      return accepted(claim.jobId(), true);
    }
    RequestedSends.Outcome outcome;
    try {
      outcome = sends.submit(body.request("api:" + idem));
    } catch (RuntimeException failed) {
      idempotency.release(idem);
      throw failed;
    }
    if (!outcome.accepted() || outcome.jobId() == null) {
      idempotency.release(idem);
      return invalid(outcome, locale);
    }
    idempotency.stored(idem, outcome.jobId());
    return accepted(outcome.jobId(), outcome.repeated());
  }

  /**
   * A program's numbers are not typed by a person: each one that is not a mainland mobile number is
   * refused by its index ({@code mobiles[2]}, {@code recipients[0].mobile}), where the page would
   * only drop and count it.
   */
  private static List<RequestedSends.Objection> numberObjections(SendBody body) {
    List<RequestedSends.Objection> found = new ArrayList<>();
    if (body.mobiles() != null) {
      for (int i = 0; i < body.mobiles().size(); i++) {
        if (MobileNumber.mainland(body.mobiles().get(i)) == null) {
          found.add(
              new RequestedSends.Objection(
                  "mobiles[" + i + "]",
                  "api.error.mobile",
                  List.of(String.valueOf(body.mobiles().get(i)))));
        }
      }
    }
    if (body.recipients() != null) {
      for (int i = 0; i < body.recipients().size(); i++) {
        SendBody.Recipient r = body.recipients().get(i);
        String mobile = r == null ? null : r.mobile();
        if (MobileNumber.mainland(mobile) == null) {
          found.add(
              new RequestedSends.Objection(
                  "recipients[" + i + "].mobile",
                  "api.error.mobile",
                  List.of(String.valueOf(mobile))));
        }
      }
    }
    return found;
  }

  private static ResponseEntity<?> accepted(long jobId, boolean repeated) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("jobId", jobId);
    answer.put("repeated", repeated);
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create("/api/v1/jobs/" + jobId))
        .body(answer);
  }

  /** 422 with one entry per objection, each naming its field. */
  private ResponseEntity<?> invalid(RequestedSends.Outcome outcome, Locale locale) {
    ProblemDetail problem =
        ApiProblem.of(messages, locale, HttpStatus.UNPROCESSABLE_CONTENT, "invalid-send");
    List<Map<String, Object>> errors = new ArrayList<>();
    for (RequestedSends.Objection o : outcome.objections()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("field", o.field());
      entry.put(
          "detail",
          messages.getMessage(o.messageKey(), o.arguments().toArray(), o.messageKey(), locale));
      errors.add(entry);
    }
    problem.setProperty("errors", errors);
    return problem(problem);
  }

  static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(ApiProblem.PROBLEM_JSON)
        .body(problem);
  }
}
