package com.smsportal.gatewayaccount.account;

import com.smsportal.gateway.GatewayCharset;
import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.gatewayaccount.RotationInProgressException;
import com.smsportal.gatewayaccount.RotationState;
import com.smsportal.secrets.CredentialCipher;
import com.smsportal.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A tenant's account at the upstream gateway. The password is held only as ciphertext (see {@link
 * CredentialCipher}), bound to this row and to where it goes: its endpoint, {@code userid} and
 * {@code account} ({@link CredentialBinding}). Those three identify the account at the gateway, are
 * shown on pages and stay readable in the database, like a portal user name; each identity is
 * claimed by one row in the whole portal ({@code identity_claimed}, see V10), and only once the
 * gateway has accepted the password given with it ({@code identity_verified_at}, see V31).
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

  @Column(name = "endpoint_id", nullable = false)
  private Long endpointId;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "endpoint_charset", nullable = false, length = 10)
  private GatewayCharset charset;

  @Column(nullable = false, length = 20)
  private String userid;

  @Column(name = "account_name", nullable = false, length = 64)
  private String account;

  /** {@code account} in small letters: the gateway is not trusted to tell "Acme" from "acme". */
  @Column(name = "account_key", nullable = false, length = 64)
  private String accountKey;

  /**
   * TRUE while this row holds its identity (endpoint, userid, account key): a unique index makes a
   * second holder impossible. NULL only for the later duplicates that existed before the rule
   * (V10), kept for an administrator to resolve.
   */
  @Column(name = "identity_claimed")
  private Boolean identityClaimed;

  /**
   * When the gateway last accepted this row's password for its identity; null while it has not (the
   * row then claims nothing, sends nothing and is not polled).
   */
  @Column(name = "identity_verified_at")
  private Instant identityVerifiedAt;

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

  GatewayAccount(AccountSettings settings, Instant now) {
    apply(settings, now);
    this.createdAt = now;
  }

  /** Only for the operator's staff, who create an account for a tenant they choose. */
  void belongTo(long tenantId) {
    assignTenant(tenantId);
  }

  /**
   * Takes every setting but the password, which changes only through {@link #setPassword}. A new
   * identity (endpoint, userid or account) is claimed; the caller must give a new password with it.
   */
  void apply(AccountSettings settings, Instant now) {
    this.name = settings.name().strip();
    if (id == null || !sameIdentity(settings)) {
      this.endpointId = settings.endpointId();
      this.userid = settings.userid().strip();
      this.account = settings.account().strip();
      this.accountKey = accountKey(account);
      // Claimed only once the gateway accepts the password given for it: see claim.
      this.identityClaimed = null;
      this.identityVerifiedAt = null;
    }
    this.charset = settings.charset();
    this.chunkSize = settings.chunkSize();
    this.extnoSupported = settings.extnoSupported();
    this.active = settings.active();
    this.lowBalanceThreshold = settings.lowBalanceThreshold();
    this.updatedAt = now;
  }

  void setPassword(String ciphertext) {
    this.passwordCiphertext = ciphertext;
  }

  /** Whether the settings name the gateway account this row already names. */
  boolean sameIdentity(AccountSettings settings) {
    return Objects.equals(endpointId, settings.endpointId())
        && userid.equals(settings.userid().strip())
        && account.equals(settings.account().strip());
  }

  /** What this row's password is bound to, in the given column. */
  CredentialBinding binding(String column) {
    return new CredentialBinding(column, id, getTenantId(), endpointId, userid, account);
  }

  static String accountKey(String account) {
    return account.strip().toLowerCase(Locale.ROOT);
  }

  Long getEndpointId() {
    return endpointId;
  }

  String getUserid() {
    return userid;
  }

  String getAccount() {
    return account;
  }

  boolean claimsIdentity() {
    return Boolean.TRUE.equals(identityClaimed);
  }

  boolean isVerified() {
    return identityVerifiedAt != null;
  }

  /**
   * The gateway has accepted this row's password: the row claims its identity (written at the next
   * flush, where the unique index refuses a second holder).
   */
  void claim(Instant now) {
    this.identityClaimed = Boolean.TRUE;
    this.identityVerifiedAt = now;
  }

  boolean isActive() {
    return active;
  }

  GatewayCharset getCharset() {
    return charset;
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

  GatewayAccountView toView(String endpointName) {
    return new GatewayAccountView(
        id,
        getTenantId(),
        name,
        endpointId,
        endpointName,
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
        passwordRotatedAt,
        identityVerifiedAt != null);
  }
}
