/**
 * The tenant's HTTP API (issue 25): API keys ({@code key}: created and revoked by a tenant admin on
 * {@code /settings/api-keys}, shown once, kept as a hash, checked on every request of {@code
 * /api/**} by a security chain of their own) and the endpoints under {@code /api/v1} ({@code v1}:
 * send through the compose page's own rules, jobs, receipts and replies by cursor, balance), with
 * RFC 9457 problems and an OpenAPI description. It depends on the modules it fronts; none depends
 * on it.
 */
package com.smsportal.api;
