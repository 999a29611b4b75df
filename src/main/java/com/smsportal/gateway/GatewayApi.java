package com.smsportal.gateway;

import feign.RequestLine;

/**
 * The gateway's four endpoints as a Feign client, built per base URL by {@link GatewayCalls}. The
 * form body and its Content-Type come from {@link FeignCodec}; answers are read by it, raw.
 */
interface GatewayApi {

  @RequestLine("POST /sms.aspx")
  RawAnswer sms(Form form);

  @RequestLine("POST /smsGBK.aspx")
  RawAnswer smsGbk(Form form);

  @RequestLine("POST /statusApi.aspx")
  RawAnswer statusApi(Form form);

  @RequestLine("POST /callApi.aspx")
  RawAnswer callApi(Form form);
}
