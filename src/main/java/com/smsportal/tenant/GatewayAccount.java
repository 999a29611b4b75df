package com.smsportal.tenant;

import com.smsportal.gateway.GatewayCharset;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A tenant's account at the upstream gateway. The password is held only as ciphertext (see {@link
 * CredentialCipher}); {@code userid} and {@code account} identify the account, are shown on pages
 * and stay readable in the database, like a portal user name.
 */
@Entity
@Table(name = "gateway_account")
class GatewayAccount extends TenantOwned {

  static final String PASSWORD_COLUMN = "password_ciphertext";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(name = "base_url", nullable = false, length = 255)
  private String baseUrl;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "endpoint_charset", nullable = false, length = 10)
  private GatewayCharset charset;

  @Column(nullable = false, length = 20)
  private String userid;

  @Column(name = "account_name", nullable = false, length = 64)
  private String account;

  @Column(name = PASSWORD_COLUMN, nullable = false, length = 512)
  private String passwordCiphertext;

  @Column(name = "chunk_size", nullable = false)
  private int chunkSize;

  @Column(name = "extno_supported", nullable = false)
  private boolean extnoSupported;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "low_balance_threshold")
  private Long lowBalanceThreshold;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected GatewayAccount() {}

  GatewayAccount(AccountForm settings, Instant now) {
    apply(settings, now);
    this.createdAt = now;
  }

  /** Only for the operator's staff, who create an account for a tenant they choose. */
  void belongTo(long tenantId) {
    assignTenant(tenantId);
  }

  /** Takes every setting but the password, which changes only through {@link #setPassword}. */
  void apply(AccountForm settings, Instant now) {
    this.name = settings.name().strip();
    this.baseUrl = settings.baseUrl().strip();
    this.charset = settings.charset();
    this.userid = settings.userid().strip();
    this.account = settings.account().strip();
    this.chunkSize = settings.chunkSize();
    this.extnoSupported = settings.extnoSupported();
    this.active = settings.active();
    this.lowBalanceThreshold = settings.lowBalanceThreshold();
    this.updatedAt = now;
  }

  void setPassword(String ciphertext) {
    this.passwordCiphertext = ciphertext;
  }

  String getPasswordCiphertext() {
    return passwordCiphertext;
  }

  String getName() {
    return name;
  }

  Long getId() {
    return id;
  }

  GatewayAccountView toView() {
    return new GatewayAccountView(
        id,
        getTenantId(),
        name,
        baseUrl,
        charset,
        userid,
        account,
        chunkSize,
        extnoSupported,
        active,
        lowBalanceThreshold,
        createdAt,
        updatedAt);
  }

  GatewayCredentials toCredentials(String password) {
    return new GatewayCredentials(id, getTenantId(), baseUrl, charset, userid, account, password);
  }
}
