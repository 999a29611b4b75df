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
  static final String PENDING_PASSWORD_COLUMN = "pending_password_ciphertext";

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

  /** The new password of a rotation under way or in doubt; null otherwise. */
  @Column(name = PENDING_PASSWORD_COLUMN, length = 512)
  private String pendingPasswordCiphertext;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "rotation_state", nullable = false, length = 20)
  private RotationState rotationState = RotationState.NONE;

  @Column(name = "rotation_started_at")
  private Instant rotationStartedAt;

  /** The node whose call asks the gateway for the change: its own when it starts again is dead. */
  @Column(name = "rotation_started_by", length = 64)
  private String rotationStartedBy;

  @Column(name = "password_rotated_at")
  private Instant passwordRotatedAt;

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

  String getPendingPasswordCiphertext() {
    return pendingPasswordCiphertext;
  }

  RotationState getRotationState() {
    return rotationState;
  }

  Instant getRotationStartedAt() {
    return rotationStartedAt;
  }

  /** Only for a change of the encryption key: the same pending secret under the new key. */
  void reencryptPending(String ciphertext) {
    this.pendingPasswordCiphertext = ciphertext;
  }

  /** Records the new password before the gateway is asked: from now on the account waits. */
  void startRotation(String pendingCiphertext, Instant now, String node) {
    if (rotationState != RotationState.NONE) {
      throw new RotationInProgressException(id, rotationState);
    }
    this.pendingPasswordCiphertext = pendingCiphertext;
    this.rotationState = RotationState.PENDING;
    this.rotationStartedAt = now;
    this.rotationStartedBy = node;
  }

  /** The gateway accepts the new password: it becomes the current one (re-encrypted for it). */
  void completeRotation(String newPasswordCiphertext, Instant now) {
    this.passwordCiphertext = newPasswordCiphertext;
    this.passwordRotatedAt = now;
    this.updatedAt = now;
    endRotation();
  }

  /** The change did not happen: the current password stays, the new one is forgotten. */
  void abandonRotation() {
    endRotation();
  }

  /** No usable answer came: either password may be valid until one of them is verified. */
  void doubtRotation() {
    this.rotationState = RotationState.IN_DOUBT;
  }

  private void endRotation() {
    this.pendingPasswordCiphertext = null;
    this.rotationState = RotationState.NONE;
    this.rotationStartedAt = null;
    this.rotationStartedBy = null;
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
        updatedAt,
        rotationState,
        rotationStartedAt,
        passwordRotatedAt);
  }

  GatewayCredentials toCredentials(String password) {
    return new GatewayCredentials(id, getTenantId(), baseUrl, charset, userid, account, password);
  }
}
