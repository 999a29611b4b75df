package com.smsportal.user.secondfactor;

import com.smsportal.user.account.PortalUser;
import com.smsportal.user.account.PortalUserRepository;
import com.smsportal.user.account.Usernames;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Lets the tests' login helpers sign in users who need a second factor, through the production
 * services and pages only (nothing in the portal knows about tests).
 *
 * <p>Before a helper logs in a user who must have a second factor and has none this test run knows
 * of, the fixture enrols one as the enrolment page does (a key, confirmed with the code an app
 * would show) and keeps the recovery codes that confirmation hands out. The helper then finishes
 * each sign-in with one of those codes. Recovery codes and not TOTP codes, because RFC 6238 lets a
 * TOTP code be accepted once and the suite signs in as {@code admin} many times a minute; TOTP
 * itself is proven by the second-factor tests and the browser test.
 *
 * <p>All test contexts of a run share one database, so the codes are kept per user name for the
 * run. A database kept from an earlier run (MariaDB) holds a key this run does not know: the
 * fixture resets it, as an administrator would, and enrols again.
 */
public final class SecondFactorFixture {

  private static final Map<String, Deque<String>> CODES = new HashMap<>();
  private static volatile ApplicationContext current;

  private SecondFactorFixture() {}

  /** Enrols the user first if they must have a second factor and this run holds no codes. */
  public static synchronized void prepare(String username) {
    prepare(current, username);
  }

  public static synchronized void prepare(ApplicationContext context, String username) {
    if (context == null) {
      return;
    }
    String name = Usernames.normalize(username);
    PortalUser user = context.getBean(PortalUserRepository.class).findByUsername(name).orElse(null);
    if (user == null) {
      return;
    }
    SecondFactors factors = context.getBean(SecondFactors.class);
    boolean enrolled = factors.enrolled(user.getId());
    boolean known = CODES.containsKey(name) && factors.recoveryCodesLeft(user.getId()) > 0;
    if (enrolled && known) {
      return;
    }
    if (!enrolled && !factors.required(user.getRole(), user.getTenantId())) {
      return;
    }
    CODES.put(name, new ArrayDeque<>(enrol(context, user.getId())));
  }

  /** A recovery code to finish the user's sign-in with; new codes when this run has used all. */
  public static synchronized String nextCode(String username) {
    return nextCode(current, username);
  }

  public static synchronized String nextCode(ApplicationContext context, String username) {
    String name = Usernames.normalize(username);
    Deque<String> codes = CODES.get(name);
    if (codes == null || codes.isEmpty()) {
      long id =
          context.getBean(PortalUserRepository.class).findByUsername(name).orElseThrow().getId();
      codes = new ArrayDeque<>(context.getBean(SecondFactors.class).issueRecoveryCodes(id));
      CODES.put(name, codes);
    }
    return codes.pop();
  }

  /** Enrols a second factor as the enrolment page does: the key, then a first code from it. */
  public static List<String> enrol(ApplicationContext context, long userId) {
    SecondFactors factors = context.getBean(SecondFactors.class);
    factors.reset(userId);
    String secret = factors.pendingSecret(userId);
    String code = Totp.code(secret, Totp.stepOf(context.getBean(Clock.class).instant()));
    return factors
        .confirm(userId, code)
        .orElseThrow(() -> new AssertionError("the fixture's first code was refused"));
  }

  /**
   * Remembers the application context of the test about to run, for helpers that only have a port
   * or a browser. Registered in META-INF/spring.factories.
   */
  public static final class ContextListener implements TestExecutionListener, Ordered {

    @Override
    public void prepareTestInstance(TestContext testContext) {
      remember(testContext);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
      remember(testContext);
    }

    private static void remember(TestContext testContext) {
      if (testContext.hasApplicationContext()) {
        current = testContext.getApplicationContext();
      }
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }
  }
}
