package com.smsportal.gatewayaccount.account;

import com.smsportal.audit.AuditAction;
import com.smsportal.audit.AuditDetail;
import com.smsportal.audit.AuditEntry;
import com.smsportal.audit.AuditLog;
import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.gatewayaccount.endpoint.EndpointView;
import com.smsportal.tenant.TenantService;
import com.smsportal.tenant.TenantView;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * What a change of a gateway account leaves in the audit log, in the reader's language: a change of
 * its gateway login (endpoint, userid, account, password, verification) as "gateway credentials
 * changed"; a change of its settings alone (name, charset, chunk size, extension, active, the
 * low-balance threshold) as "gateway account settings changed". Never a value of the password.
 */
@Component
class AccountAudit {

  private final AuditLog audit;
  private final TenantService tenants;

  AccountAudit(AuditLog audit, TenantService tenants) {
    this.audit = audit;
    this.tenants = tenants;
  }

  /** The parts of a change, credentials and settings apart. */
  static final class Changes {
    private final List<AuditDetail> credentials = new ArrayList<>();
    private final List<AuditDetail> settings = new ArrayList<>();

    void credential(String key) {
      credentials.add(AuditDetail.of(key));
    }

    void credential(String what, Object before, Object after) {
      if (!Objects.equals(before, after)) {
        credentials.add(
            AuditDetail.of("audit.detail.fieldChange", AuditDetail.text(what), before, after));
      }
    }

    void settings(GatewayAccountView before, GatewayAccountView after) {
      setting("accounts.field.name", before.name(), after.name());
      setting("accounts.field.charset", before.charset(), after.charset());
      setting("accounts.field.chunkSize", before.chunkSize(), after.chunkSize());
      setting(
          "accounts.field.extnoSupported",
          yesNo(before.extnoSupported()),
          yesNo(after.extnoSupported()));
      setting("accounts.status.active", yesNo(before.active()), yesNo(after.active()));
      setting(
          "accounts.field.lowBalanceThreshold",
          before.lowBalanceThreshold(),
          after.lowBalanceThreshold());
    }

    private void setting(String what, Object before, Object after) {
      if (!Objects.equals(before, after)) {
        settings.add(
            AuditDetail.of("audit.detail.fieldChange", AuditDetail.text(what), before, after));
      }
    }

    private static AuditDetail.Text yesNo(boolean value) {
      return AuditDetail.text(value ? "export.value.yes" : "export.value.no");
    }
  }

  static String endpoint(EndpointView endpoint) {
    return endpoint.name() + " (#" + endpoint.id() + ")";
  }

  /** Records a change: credentials if its login changed, settings otherwise (nothing: settings). */
  void changed(GatewayAccount account, long tenantId, Changes changes) {
    List<AuditDetail> parts = new ArrayList<>(changes.credentials);
    parts.addAll(changes.settings);
    AuditDetail detail =
        parts.isEmpty()
            ? AuditDetail.of("audit.detail.nothingChanged")
            : parts.stream().reduce(AuditDetail::and).orElseThrow();
    record(
        changes.credentials.isEmpty()
            ? AuditAction.ACCOUNT_SETTINGS_CHANGED
            : AuditAction.CREDENTIALS_CHANGED,
        account,
        tenantId,
        detail);
  }

  void record(AuditAction action, GatewayAccount account, long tenantId, AuditDetail detail) {
    String tenantName = tenants.find(tenantId).map(TenantView::name).orElse(null);
    audit.record(
        AuditEntry.success(action, account.getName()).tenant(tenantId, tenantName).detail(detail));
  }
}
