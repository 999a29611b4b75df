/**
 * The client of the 聚合云 gateway: the six actions over HTTP form posts in UTF-8 or GBK, its XML
 * answers with their quirks, the domain errors they map to, timeouts, retries and circuit breaking.
 */
package com.smsportal.gateway;
