package com.smsportal.api.key;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP API's errors as RFC 9457 problems ({@code application/problem+json}), in the language
 * the request's {@code Accept-Language} asks for (Simplified Chinese unless English is preferred):
 * each has a {@code type} of ours ({@code urn:smsportal:api:<name>}), a {@code title} and a {@code
 * detail} from the {@code api} message bundle.
 */
public final class ApiProblem {

  public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

  private static final List<Locale> SPOKEN = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

  private ApiProblem() {}

  /** The language of the answer: the client's first choice among ours, else Chinese. */
  public static Locale locale(HttpServletRequest request) {
    String header = request.getHeader("Accept-Language");
    if (header == null || header.isBlank()) {
      return Locale.SIMPLIFIED_CHINESE;
    }
    try {
      Locale chosen = Locale.lookup(Locale.LanguageRange.parse(header), SPOKEN);
      return chosen == null ? Locale.SIMPLIFIED_CHINESE : chosen;
    } catch (IllegalArgumentException unreadable) {
      return Locale.SIMPLIFIED_CHINESE;
    }
  }

  /**
   * A problem named {@code name}: its title is {@code api.problem.<name>.title}, its detail {@code
   * api.problem.<name>.detail} with {@code args}.
   */
  public static ProblemDetail of(
      MessageSource messages, Locale locale, HttpStatus status, String name, Object... args) {
    ProblemDetail problem = ProblemDetail.forStatus(status);
    problem.setType(URI.create("urn:smsportal:api:" + name));
    problem.setTitle(messages.getMessage("api.problem." + name + ".title", null, name, locale));
    problem.setDetail(messages.getMessage("api.problem." + name + ".detail", args, null, locale));
    return problem;
  }

  /** Writes the problem as the whole answer (from a filter, before any controller). */
  static void write(HttpServletResponse response, ProblemDetail problem, JsonMapper json)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", problem.getType().toString());
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    if (problem.getDetail() != null) {
      body.put("detail", problem.getDetail());
    }
    if (problem.getProperties() != null) {
      body.putAll(problem.getProperties());
    }
    response.setStatus(problem.getStatus());
    response.setContentType(PROBLEM_JSON.toString());
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(json.writeValueAsString(body));
  }

  /** The status as Spring names it. */
  static HttpStatus status(int code) {
    return HttpStatus.valueOf(code);
  }
}
