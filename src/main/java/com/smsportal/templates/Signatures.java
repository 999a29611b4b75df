package com.smsportal.templates;

import com.smsportal.templates.signature.SignatureRepository;
import com.smsportal.tenant.TenantContext;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A tenant's approved signatures, as sending asks for them: once a tenant has one, each of its
 * sends must start with one of them (issue 24); a tenant without any sends as before. Read in the
 * tenant's own context, whoever asks (a customer, staff, the API).
 */
@Service
public class Signatures {

  private final SignatureRepository signatures;
  private final TransactionTemplate tx;

  Signatures(SignatureRepository signatures, TransactionTemplate tx) {
    this.signatures = signatures;
    this.tx = tx;
  }

  /** The tenant's approved signatures, e.g. {@code 【Acme商城】}, oldest first. */
  public List<String> approvedTexts(long tenantId) {
    return TenantContext.callAs(
        tenantId, () -> tx.execute(status -> signatures.textsIn(ReviewState.APPROVED)));
  }

  /**
   * Why {@code content} may not be sent by the tenant: it has approved signatures and the text
   * starts with none of them; empty when it may (or the tenant has none).
   */
  public Optional<SignatureRequired> required(long tenantId, String content) {
    List<String> approved = approvedTexts(tenantId);
    String text = content == null ? "" : content;
    if (approved.isEmpty() || approved.stream().anyMatch(text::startsWith)) {
      return Optional.empty();
    }
    return Optional.of(new SignatureRequired(approved));
  }
}
