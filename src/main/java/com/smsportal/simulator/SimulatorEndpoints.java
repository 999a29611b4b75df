package com.smsportal.simulator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The gateway's four endpoints under {@code /simulator}, byte for byte: UTF-8 on {@code sms.aspx},
 * GB2312 (as GBK) on {@code smsGBK.aspx}, and the account's fault, if one is switched on.
 */
@Controller
@ConditionalOnBooleanProperty("smsportal.simulator.enabled")
class SimulatorEndpoints {

  static final Charset GBK = Charset.forName("GBK");
  static final String GBK_PATH = "/simulator/smsGBK.aspx";

  private final SimulatedGateway gateway;

  SimulatorEndpoints(SimulatedGateway gateway) {
    this.gateway = gateway;
  }

  @PostMapping("/simulator/sms.aspx")
  ResponseEntity<byte[]> sms(HttpServletRequest request, HttpServletResponse response)
      throws Exception {
    return answer(request, response, StandardCharsets.UTF_8, "utf-8", gateway::accountAction);
  }

  @PostMapping(GBK_PATH)
  ResponseEntity<byte[]> smsGbk(HttpServletRequest request, HttpServletResponse response)
      throws Exception {
    return answer(request, response, GBK, "gb2312", gateway::accountAction);
  }

  @PostMapping("/simulator/statusApi.aspx")
  ResponseEntity<byte[]> statusApi(HttpServletRequest request, HttpServletResponse response)
      throws Exception {
    return answer(request, response, StandardCharsets.UTF_8, "utf-8", gateway::statusReports);
  }

  @PostMapping("/simulator/callApi.aspx")
  ResponseEntity<byte[]> callApi(HttpServletRequest request, HttpServletResponse response)
      throws Exception {
    return answer(request, response, StandardCharsets.UTF_8, "utf-8", gateway::replies);
  }

  private ResponseEntity<byte[]> answer(
      HttpServletRequest request,
      HttpServletResponse response,
      Charset charset,
      String declared,
      Function<Map<String, String>, String> action)
      throws IOException, InterruptedException {
    // The body is decoded in this endpoint's charset, whatever the request says (for GBK, a
    // filter has set it already, before anything could read the parameters).
    request.setCharacterEncoding(charset.name());
    Map<String, String> form = new HashMap<>();
    request.getParameterMap().forEach((name, values) -> form.put(name, values[0]));
    Fault fault = gateway.faultFor(form.get("account"));
    switch (fault.mode()) {
      case LATENCY -> Thread.sleep(fault.latency().toMillis());
      case HTTP_500 -> {
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "Server Error in '/' Application.");
      }
      case GARBAGE -> {
        return page(HttpStatus.OK, "Runtime Error");
      }
      case HANG -> {
        Thread.sleep(hangOf(fault).toMillis());
        return page(HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable");
      }
      default -> {}
    }
    String body = VendorXml.withDeclaration(action.apply(form), declared);
    if (fault.mode() == Fault.Mode.LOST_ANSWER) {
      // The work is done; the answer comes after the client has given up on it.
      Thread.sleep(hangOf(fault).toMillis());
    }
    if (fault.mode() == Fault.Mode.CUT_ANSWER) {
      cutOff(response, body.getBytes(charset), declared);
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("text/xml; charset=" + declared))
        .body(body.getBytes(charset));
  }

  /**
   * Sends the headers of the whole answer and the first half of its bytes, then breaks the
   * connection: the exception reaches the container with the answer committed and short of its
   * length, and the container closes the connection without finishing it.
   */
  private static void cutOff(HttpServletResponse response, byte[] body, String declared)
      throws IOException {
    response.setContentType("text/xml; charset=" + declared);
    response.setContentLength(body.length);
    response.getOutputStream().write(body, 0, body.length / 2);
    response.flushBuffer();
    throw new AnswerCutOff();
  }

  /** Breaks the connection in the middle of an answer (the simulator's {@code CUT_ANSWER}). */
  static final class AnswerCutOff extends IOException {
    AnswerCutOff() {
      super("the answer is cut off on purpose (simulator fault CUT_ANSWER)", null);
    }
  }

  private Duration hangOf(Fault fault) {
    return fault.hangFor().isZero() ? gateway.defaultHang() : fault.hangFor();
  }

  private static ResponseEntity<byte[]> page(HttpStatus status, String title) {
    String html =
        "<!DOCTYPE html>\n<html><head><title>"
            + title
            + "</title></head><body><h1>"
            + title
            + "</h1><p>An unhandled exception occurred.</p></body></html>\n";
    return ResponseEntity.status(status)
        .contentType(MediaType.TEXT_HTML)
        .body(html.getBytes(StandardCharsets.UTF_8));
  }
}
