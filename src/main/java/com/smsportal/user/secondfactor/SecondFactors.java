package com.smsportal.user.secondfactor;

import com.smsportal.secrets.PortalSecrets;
import com.smsportal.user.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users' second factor: who needs one, enrolment of a TOTP key, checking a code or a recovery code
 * (each accepted once), recovery codes, and the reset an administrator does for a lost phone.
 *
 * <p>Keys are sealed with the portal's credential key ({@link PortalSecrets}), bound to the user's
 * id, and re-encrypted by the key rotation command like gateway passwords.
 */
@Service
public class SecondFactors implements PortalSecrets.SealedSecrets {

  private static final Logger log = LoggerFactory.getLogger(SecondFactors.class);

  /** How a code someone typed was taken. */
  public enum Check {
    TOTP,
    RECOVERY_CODE,
    WRONG;

    public boolean passed() {
      return this != WRONG;
    }
  }

  private final SecondFactorRepository factors;
  private final RecoveryCodeRepository recoveryCodes;
  private final SecondFactorPolicyRepository policies;
  private final PortalSecrets secrets;
  private final Clock clock;

  SecondFactors(
      SecondFactorRepository factors,
      RecoveryCodeRepository recoveryCodes,
      SecondFactorPolicyRepository policies,
      PortalSecrets secrets,
      Clock clock) {
    this.factors = factors;
    this.recoveryCodes = recoveryCodes;
    this.policies = policies;
    this.secrets = secrets;
    this.clock = clock;
  }

  /** Staff always; a customer when support requires it of their tenant. */
  @Transactional(readOnly = true)
  public boolean required(Role role, Long tenantId) {
    return role.staff() || (tenantId != null && requiredOf(tenantId));
  }

  @Transactional(readOnly = true)
  public boolean requiredOf(long tenantId) {
    return policies.findById(tenantId).map(SecondFactorPolicy::isRequired).orElse(false);
  }

  @Transactional
  public void requireOf(long tenantId, boolean required) {
    SecondFactorPolicy policy =
        policies.findById(tenantId).orElseGet(() -> new SecondFactorPolicy(tenantId));
    policy.require(required, clock.instant());
    policies.save(policy);
  }

  @Transactional(readOnly = true)
  public boolean enrolled(long userId) {
    return factors.findById(userId).map(SecondFactor::enrolled).orElse(false);
  }

  /** Those of these users who have a second factor. */
  @Transactional(readOnly = true)
  public Set<Long> enrolledOf(Collection<Long> userIds) {
    return factors.findAllById(userIds).stream()
        .filter(SecondFactor::enrolled)
        .map(SecondFactor::getUserId)
        .collect(Collectors.toSet());
  }

  @Transactional(readOnly = true)
  Optional<Instant> enrolledAt(long userId) {
    return factors.findById(userId).filter(SecondFactor::enrolled).map(SecondFactor::getEnrolledAt);
  }

  /**
   * The key being enrolled, made on the first call and the same on every later one until it is
   * confirmed (a reload of the page shows the same QR code). Only ever shown to its user.
   */
  @Transactional
  public String pendingSecret(long userId) {
    SecondFactor factor = factors.findById(userId).orElseGet(() -> new SecondFactor(userId));
    if (factor.enrolled()) {
      throw new IllegalStateException("user " + userId + " has a second factor already");
    }
    if (factor.getSealedPendingSecret() == null) {
      factor.begin(secrets.seal(Totp.newSecret(), pendingBinding(userId)));
      factors.save(factor);
    }
    return secrets.open(factor.getSealedPendingSecret(), pendingBinding(userId));
  }

  /**
   * Confirms the key being enrolled with a first code from the app; the new recovery codes, to be
   * shown once, or empty when the code is wrong.
   */
  @Transactional
  public Optional<List<String>> confirm(long userId, String code) {
    Optional<SecondFactor> found = factors.findForUpdate(userId);
    if (found.isEmpty() || found.get().enrolled() || found.get().getSealedPendingSecret() == null) {
      return Optional.empty();
    }
    SecondFactor factor = found.get();
    String pending = secrets.open(factor.getSealedPendingSecret(), pendingBinding(userId));
    OptionalLong step = Totp.matchingStep(pending, code, clock.instant(), null);
    if (step.isEmpty()) {
      return Optional.empty();
    }
    factor.confirm(clock.instant(), step.getAsLong());
    factor.resealed(secrets.seal(pending, binding(userId)), null);
    return Optional.of(issueRecoveryCodes(userId));
  }

  /** Checks a TOTP code or a recovery code; either is accepted once only. */
  @Transactional
  public Check verify(long userId, String typed) {
    if (Totp.looksLikeCode(typed)) {
      return factors
          .findForUpdate(userId)
          .filter(SecondFactor::enrolled)
          .map(factor -> verifyCode(factor, typed))
          .orElse(Check.WRONG);
    }
    String hash = RecoveryCodes.hashOf(typed);
    if (hash == null || !enrolled(userId)) {
      return Check.WRONG;
    }
    return recoveryCodes
        .findForUpdate(userId, hash)
        .filter(code -> !code.used())
        .map(
            code -> {
              code.use(clock.instant());
              return Check.RECOVERY_CODE;
            })
        .orElse(Check.WRONG);
  }

  private Check verifyCode(SecondFactor factor, String typed) {
    String secret;
    try {
      secret = secrets.open(factor.getSealedSecret(), binding(factor.getUserId()));
    } catch (IllegalStateException unreadable) {
      log.warn(
          "The second-factor key of user {} cannot be read ({}); only a recovery code or an"
              + " administrator's reset lets them in",
          factor.getUserId(),
          unreadable.getMessage());
      return Check.WRONG;
    }
    OptionalLong step = Totp.matchingStep(secret, typed, clock.instant(), factor.getLastStep());
    step.ifPresent(factor::used);
    return step.isPresent() ? Check.TOTP : Check.WRONG;
  }

  /** New recovery codes in place of all earlier ones; shown once, stored as hashes. */
  @Transactional
  List<String> issueRecoveryCodes(long userId) {
    recoveryCodes.deleteByUser(userId);
    List<String> codes = RecoveryCodes.generate();
    Instant now = clock.instant();
    codes.forEach(
        code -> recoveryCodes.save(new RecoveryCode(userId, RecoveryCodes.hashOf(code), now)));
    return codes;
  }

  @Transactional(readOnly = true)
  long recoveryCodesLeft(long userId) {
    return recoveryCodes.countByUserIdAndUsedAtIsNull(userId);
  }

  /** Forgets the user's key and recovery codes; true if there was anything to forget. */
  @Transactional
  public boolean reset(long userId) {
    boolean had = factors.existsById(userId);
    recoveryCodes.deleteByUser(userId);
    factors.findById(userId).ifPresent(factors::delete);
    return had;
  }

  @Override
  public String description() {
    return "second-factor keys";
  }

  @Override
  @Transactional
  public int resealAll() {
    int changed = 0;
    for (SecondFactor factor : factors.findAll()) {
      long id = factor.getUserId();
      String secret = factor.getSealedSecret();
      String pending = factor.getSealedPendingSecret();
      String newSecret = secret == null ? null : secrets.reseal(secret, binding(id));
      String newPending = pending == null ? null : secrets.reseal(pending, pendingBinding(id));
      if (!java.util.Objects.equals(secret, newSecret)
          || !java.util.Objects.equals(pending, newPending)) {
        factor.resealed(newSecret, newPending);
        changed++;
      }
    }
    return changed;
  }

  private static String binding(long userId) {
    return "user_second_factor.secret/user:" + userId;
  }

  private static String pendingBinding(long userId) {
    return "user_second_factor.pending_secret/user:" + userId;
  }
}
