package com.smsportal.sending.store;

import com.smsportal.gatewayaccount.GatewayAccountView;
import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.mobile.MobileNumber;
import com.smsportal.sending.OptOuts;
import com.smsportal.sending.PersonalOrder;
import com.smsportal.sending.SendOrder;
import com.smsportal.sending.SendRefusal;
import com.smsportal.sending.SubmitResult;
import com.smsportal.sending.message.ParsedNumbers;
import com.smsportal.sending.message.PastedNumbers;
import com.smsportal.sending.message.SendRules;
import com.smsportal.templates.Signatures;
import com.smsportal.tenant.PerNumberLimits;
import com.smsportal.tenant.TenantContext;
import com.smsportal.tenant.TenantService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a send order and stores it as a job, with all its numbers, before anything is sent (the
 * worker submits them), once per idempotency key: the send rules and the account's state first,
 * then the opt-out list as it is now, then one transaction ({@link JobInsert}) under the tenant's
 * limits. A person's resend, cancel or edit of a stored job is {@link JobEdits}'. Everything is
 * filtered by the current tenant.
 */
@Service
public class JobStore {

  static final int MAX_KEY = 64;

  /** How long a submit waits its turn behind the tenant's other submits before it gives up. */
  private static final Duration LOCK_PATIENCE = Duration.ofSeconds(60);

  private final JobInsert insert;
  private final GatewayAccounts accounts;
  private final TenantService tenants;
  private final OptOuts optOuts;
  private final Signatures signatures;
  private final TransactionTemplate tx;
  private final SendJobRepository jobs;
  private final Clock clock;
  private final NumberFlood flood;
  private final PerNumberLimits numberLimits;

  JobStore(
      JobInsert insert,
      GatewayAccounts accounts,
      TenantService tenants,
      OptOuts optOuts,
      Signatures signatures,
      TransactionTemplate tx,
      SendJobRepository jobs,
      Clock clock,
      NumberFlood flood,
      PerNumberLimits numberLimits) {
    this.flood = flood;
    this.numberLimits = numberLimits;
    this.insert = insert;
    this.accounts = accounts;
    this.tenants = tenants;
    this.optOuts = optOuts;
    this.signatures = signatures;
    this.tx = tx;
    this.jobs = jobs;
    this.clock = clock;
  }

  /**
   * Stores the order as a job, or finds the job an earlier submit with the same idempotency key
   * made (then nothing more is stored or sent), or says why it cannot be sent.
   */
  public SubmitResult submit(SendOrder order) {
    String key = order.idempotencyKey() == null ? "" : order.idempotencyKey().strip();
    if (key.isEmpty() || key.length() > MAX_KEY) {
      return SubmitResult.refused(SendRefusal.NO_IDEMPOTENCY_KEY);
    }
    Optional<Long> earlier = jobOfKey(key);
    if (earlier.isPresent()) {
      return SubmitResult.repeatOf(earlier.get());
    }
    Instant now = clock.instant();
    ParsedNumbers parsed = PastedNumbers.parse(order.mobiles());
    String content = order.content() == null ? "" : order.content();
    String extno = order.extno() == null ? "" : order.extno().strip();
    Optional<GatewayAccountView> found = accounts.find(order.accountId());
    SendRefusal refusal = refusal(order.sendTime(), parsed, content, extno, found, now);
    if (refusal != null) {
      return SubmitResult.refused(refusal);
    }
    GatewayAccountView account = found.orElseThrow();
    // Looked up now, whatever the form showed: the list may have changed since. In the account's
    // tenant's context, also when staff submit.
    Set<String> optedOut =
        TenantContext.callAs(account.tenantId(), () -> optOuts.optedOut(parsed.valid()));
    List<String> listed =
        optedOut.isEmpty()
            ? parsed.valid()
            : parsed.valid().stream().filter(m -> !optedOut.contains(m)).toList();
    if (listed.isEmpty()) {
      return SubmitResult.refused(SendRefusal.ALL_OPTED_OUT);
    }
    Set<String> limited = overFloodLimits(account, listed, order.sendTime(), now);
    List<String> mobiles =
        limited.isEmpty() ? listed : listed.stream().filter(m -> !limited.contains(m)).toList();
    if (mobiles.isEmpty()) {
      return SubmitResult.refused(SendRefusal.ALL_LIMITED);
    }
    return store(
        new JobInsert.NewJob(
            account,
            key,
            List.of(new PersonalOrder.Text(null, mobiles)),
            optedOut.size(),
            content,
            extno,
            order.sendTime(),
            false,
            limited.size()),
        now);
  }

  /**
   * Stores a personalised order (issue 24) as one job whose chunks each carry their text, under the
   * same rules as any order: the idempotency key, the account's state, each distinct text's send
   * rules, the opt-out list as it is now, the tenant's limits over all its recipients. A number
   * given twice keeps its first text; a number that is not a mainland mobile is left out.
   */
  public SubmitResult submitPersonal(PersonalOrder order) {
    String key = order.idempotencyKey() == null ? "" : order.idempotencyKey().strip();
    if (key.isEmpty() || key.length() > MAX_KEY) {
      return SubmitResult.refused(SendRefusal.NO_IDEMPOTENCY_KEY);
    }
    Optional<Long> earlier = jobOfKey(key);
    if (earlier.isPresent()) {
      return SubmitResult.repeatOf(earlier.get());
    }
    Instant now = clock.instant();
    String extno = order.extno() == null ? "" : order.extno().strip();
    Optional<GatewayAccountView> found = accounts.find(order.accountId());
    Set<String> seen = new HashSet<>();
    List<PersonalOrder.Text> texts = new ArrayList<>();
    for (PersonalOrder.Text text : order.texts()) {
      List<String> mobiles = new ArrayList<>();
      for (String typed : text.mobiles()) {
        String mobile = MobileNumber.mainland(typed);
        if (mobile != null && seen.add(mobile)) {
          mobiles.add(mobile);
        }
      }
      if (!mobiles.isEmpty()) {
        texts.add(new PersonalOrder.Text(text.content(), mobiles));
      }
    }
    ParsedNumbers parsed = new ParsedNumbers(new ArrayList<>(seen), List.of(), 0);
    String template = order.template() == null ? "" : order.template();
    SendRefusal refusal = refusal(order.sendTime(), parsed, template, extno, found, now);
    if (refusal == null) {
      // Each rendered text against the rules and the tenant's approved signatures, read once: a
      // job may have as many texts as recipients.
      GatewayAccountView view = found.orElseThrow();
      List<String> approved = signatures.approvedTexts(view.tenantId());
      for (int i = 0; refusal == null && i < texts.size(); i++) {
        String content = texts.get(i).content();
        refusal =
            SendRules.refusal(content, extno, view.extnoSupported(), order.sendTime(), false, now);
        if (refusal == null
            && !approved.isEmpty()
            && approved.stream().noneMatch(content::startsWith)) {
          refusal = SendRefusal.UNSIGNED;
        }
      }
    }
    if (refusal != null) {
      return SubmitResult.refused(refusal);
    }
    GatewayAccountView account = found.orElseThrow();
    Set<String> optedOut =
        TenantContext.callAs(account.tenantId(), () -> optOuts.optedOut(parsed.valid()));
    List<PersonalOrder.Text> listed = without(texts, optedOut);
    if (listed.isEmpty()) {
      return SubmitResult.refused(SendRefusal.ALL_OPTED_OUT);
    }
    Set<String> limited =
        overFloodLimits(
            account,
            listed.stream().flatMap(t -> t.mobiles().stream()).toList(),
            order.sendTime(),
            now);
    List<PersonalOrder.Text> left = without(listed, limited);
    if (left.isEmpty()) {
      return SubmitResult.refused(SendRefusal.ALL_LIMITED);
    }
    return store(
        new JobInsert.NewJob(
            account,
            key,
            left,
            optedOut.size(),
            template,
            extno,
            order.sendTime(),
            true,
            limited.size()),
        now);
  }

  /** The texts without these numbers, and without a text left without numbers. */
  private static List<PersonalOrder.Text> without(
      List<PersonalOrder.Text> texts, Set<String> left) {
    if (left.isEmpty()) {
      return texts;
    }
    return texts.stream()
        .map(
            t ->
                new PersonalOrder.Text(
                    t.content(), t.mobiles().stream().filter(m -> !left.contains(m)).toList()))
        .filter(t -> !t.mobiles().isEmpty())
        .toList();
  }

  /**
   * The numbers that have reached one of the tenant's flood limits per number (issue 26) in the
   * windows the job is due in: they are held back and counted on the job. Read without a lock: the
   * chunk's claim counts again, under locks ({@link NumberFlood#take}), and marks a number that
   * reached a limit in between LIMITED.
   */
  private Set<String> overFloodLimits(
      GatewayAccountView account, List<String> mobiles, Instant sendTime, Instant now) {
    long tenant = account.tenantId();
    return flood.reached(
        tenant, mobiles, sendTime == null ? now : sendTime, numberLimits.of(tenant));
  }

  private SubmitResult store(JobInsert.NewJob job, Instant now) {
    String key = job.key();
    long giveUp = System.nanoTime() + LOCK_PATIENCE.toNanos();
    while (true) {
      try {
        return insert.insert(job, now);
      } catch (DataIntegrityViolationException raced) {
        // The same form submitted at the same moment: the other submit made the job.
        return SubmitResult.repeatOf(awaitJobOfKey(key, raced));
      } catch (PessimisticLockingFailureException waited) {
        // The database gave up waiting for the tenant's row (another of its jobs, maybe this same
        // form, is still being stored: a large one takes seconds) or for the key. Nothing of this
        // submit was stored; it is the same form's job if that one has committed meanwhile, else
        // the submit waits its turn again, for a while.
        Optional<Long> made = jobOfKey(key);
        if (made.isPresent()) {
          return SubmitResult.repeatOf(made.get());
        }
        if (System.nanoTime() > giveUp) {
          throw waited;
        }
      }
    }
  }

  private SendRefusal refusal(
      Instant sendTime,
      ParsedNumbers parsed,
      String content,
      String extno,
      Optional<GatewayAccountView> account,
      Instant now) {
    if (account.isEmpty()) {
      return SendRefusal.NO_SUCH_ACCOUNT;
    }
    GatewayAccountView view = account.get();
    if (!tenants.isActive(view.tenantId())) {
      return SendRefusal.TENANT_SUSPENDED;
    }
    if (!view.active()) {
      return SendRefusal.ACCOUNT_INACTIVE;
    }
    if (!view.verified()) {
      return SendRefusal.ACCOUNT_UNVERIFIED;
    }
    if (view.waitsForRotation()) {
      return SendRefusal.ROTATION_IN_DOUBT;
    }
    if (parsed.valid().isEmpty()) {
      return SendRefusal.NO_VALID_NUMBER;
    }
    SendRefusal rules =
        SendRules.refusal(content, extno, view.extnoSupported(), sendTime, false, now);
    if (rules == null && signatures.required(view.tenantId(), content).isPresent()) {
      // Every new job passes here, from any path: the tenant's approved signatures (issue 24).
      return SendRefusal.UNSIGNED;
    }
    return rules;
  }

  /** The job an earlier submit of the form with this idempotency key made, if any. */
  public Optional<Long> jobOfKey(String key) {
    if (key == null || key.isBlank()) {
      return Optional.empty();
    }
    return tx.execute(status -> jobs.findByIdempotencyKey(key.strip()).map(SendJob::getId));
  }

  /** The other submit's transaction may not have committed yet when ours failed on the key. */
  private long awaitJobOfKey(String key, DataAccessException raced) {
    for (int i = 0; i < 600; i++) {
      Optional<Long> id = jobOfKey(key);
      if (id.isPresent()) {
        return id.get();
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw raced;
  }
}
