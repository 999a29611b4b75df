package com.smsportal.api.v1;

import com.smsportal.api.key.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The API's controllers' failures as problems in the client's language: a foreign or missing row
 * 404, a body or parameter the API cannot read 400 (naming the parameter), the wrong content type
 * 415. Only for this package's controllers: the pages keep their error pages.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptions.class)
class ApiExceptions {

  private final MessageSource messages;

  ApiExceptions(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(ApiNotFound.class)
  ResponseEntity<ProblemDetail> notFound(HttpServletRequest request) {
    return answer(request, HttpStatus.NOT_FOUND, "not-found");
  }

  @ExceptionHandler(Cursors.BadParameter.class)
  ResponseEntity<ProblemDetail> badParameter(Cursors.BadParameter bad, HttpServletRequest request) {
    return answer(request, HttpStatus.BAD_REQUEST, "bad-parameter", bad.parameter);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> mismatch(
      MethodArgumentTypeMismatchException bad, HttpServletRequest request) {
    if ("id".equals(bad.getName())) {
      // Not a number is no id of the tenant's either.
      return answer(request, HttpStatus.NOT_FOUND, "not-found");
    }
    return answer(request, HttpStatus.BAD_REQUEST, "bad-parameter", bad.getName());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpServletRequest request) {
    return answer(request, HttpStatus.BAD_REQUEST, "unreadable-body");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpServletRequest request) {
    return answer(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media-type");
  }

  private ResponseEntity<ProblemDetail> answer(
      HttpServletRequest request, HttpStatus status, String name, Object... args) {
    return MessagesController.problem(
        ApiProblem.of(messages, ApiProblem.locale(request), status, name, args));
  }
}
