package com.smsportal.gateway;

import feign.RequestTemplate;
import feign.Response;
import feign.codec.Decoder;
import feign.codec.Encoder;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Collection;

/**
 * Writes a {@link Form} as an {@code application/x-www-form-urlencoded} body in its charset and
 * hands every answer back raw, whatever its status: reading it is {@link AnswerParser}'s job.
 */
final class FeignCodec implements Encoder, Decoder, ErrorDecoder {

  private final int maxAnswerSize;

  FeignCodec(int maxAnswerSize) {
    this.maxAnswerSize = maxAnswerSize;
  }

  @Override
  public void encode(Object object, Type bodyType, RequestTemplate template) {
    Form form = (Form) object;
    template.header("Content-Type");
    template.header(
        "Content-Type", "application/x-www-form-urlencoded; charset=" + form.charset().name());
    template.body(form.encoded(), null);
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    return read(response);
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    try {
      return new NonSuccessAnswer(read(response));
    } catch (IOException e) {
      return new NonSuccessAnswer(new RawAnswer(response.status(), new byte[0], null));
    }
  }

  private RawAnswer read(Response response) throws IOException {
    byte[] body = new byte[0];
    if (response.body() != null) {
      try (InputStream in = response.body().asInputStream()) {
        body = in.readNBytes(maxAnswerSize + 1);
      }
    }
    Collection<String> types = response.headers().get("Content-Type");
    if (types == null) {
      types = response.headers().get("content-type");
    }
    String contentType = types == null || types.isEmpty() ? null : types.iterator().next();
    return new RawAnswer(response.status(), body, contentType);
  }

  /** An answer with a status other than 2xx, carried past Feign to be read like any other. */
  static final class NonSuccessAnswer extends RuntimeException {
    private final transient RawAnswer answer;

    NonSuccessAnswer(RawAnswer answer) {
      super("HTTP " + answer.status(), null, false, false);
      this.answer = answer;
    }

    RawAnswer answer() {
      return answer;
    }
  }
}
