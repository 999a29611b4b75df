package com.smsportal;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** A multipart/form-data body as a browser sends a form with a file: its fields, then the file. */
public final class MultipartForm {

  private final String boundary = "----form" + UUID.randomUUID().toString().replace("-", "");
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  /** The fields in their order, then the file under {@code fileField}. */
  public MultipartForm(
      Map<String, String> fields,
      String fileField,
      String fileName,
      String contentType,
      byte[] file) {
    for (Map.Entry<String, String> field : fields.entrySet()) {
      write(
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\""
              + field.getKey()
              + "\"\r\n\r\n"
              + field.getValue()
              + "\r\n");
    }
    write(
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + fileField
            + "\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: "
            + contentType
            + "\r\n\r\n");
    body.writeBytes(file);
    write("\r\n--" + boundary + "--\r\n");
  }

  /** The Content-Type header of this body. */
  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  public HttpRequest.BodyPublisher publisher() {
    return HttpRequest.BodyPublishers.ofByteArray(body.toByteArray());
  }

  private void write(String text) {
    body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
