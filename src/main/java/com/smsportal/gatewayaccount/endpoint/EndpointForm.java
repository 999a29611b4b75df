package com.smsportal.gatewayaccount.endpoint;

import com.smsportal.gateway.GatewayCharset;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The administrator's endpoint form. The base URL is the address before the vendor's paths ({@code
 * /sms.aspx}, {@code /statusApi.aspx}…): http or https, a host, an optional port and path, no user
 * name, query or fragment.
 */
record EndpointForm(
    @NotBlank(message = "{endpoints.error.required}")
        @Size(max = 100, message = "{endpoints.error.tooLong}")
        String name,
    @NotBlank(message = "{endpoints.error.required}")
        @Size(max = 255, message = "{endpoints.error.tooLong}")
        @Pattern(
            regexp = BASE_URL,
            flags = Pattern.Flag.CASE_INSENSITIVE,
            message = "{endpoints.error.baseUrl}")
        String baseUrl,
    @NotNull(message = "{endpoints.error.required}") GatewayCharset defaultCharset,
    @Size(max = 500, message = "{endpoints.error.tooLong}") String note,
    @Min(value = 1, message = "{endpoints.error.maxChunkSize}")
        @Max(value = 5000, message = "{endpoints.error.maxChunkSize}")
        Integer maxChunkSize) {

  static final String BASE_URL = "\\s*https?://[^\\s/?#@]+(/[^\\s?#]*)?\\s*";

  static EndpointForm blank() {
    return new EndpointForm("", "", GatewayCharset.UTF8, "", null);
  }

  static EndpointForm of(EndpointView endpoint) {
    return new EndpointForm(
        endpoint.name(),
        endpoint.baseUrl(),
        endpoint.defaultCharset(),
        endpoint.note() == null ? "" : endpoint.note(),
        endpoint.maxChunkSize());
  }

  /** What the form sets the endpoint to. */
  EndpointSettings settings() {
    return new EndpointSettings(name, baseUrl, defaultCharset, note, maxChunkSize);
  }
}
