package com.smsportal.user.throttle;

import java.util.function.IntSupplier;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A statement on the login counters in a transaction of its own, never the caller's: a rollback of
 * the caller never uncounts an attempt, and no row stays locked while a password is hashed. A
 * statement the database answers with "busy" (a deadlock or lock timeout with a concurrent attempt)
 * is tried again, {@value #ROUNDS} times at most.
 */
final class OwnTransaction {

  static final int ROUNDS = 8;

  private final TransactionTemplate template;

  OwnTransaction(PlatformTransactionManager transactions) {
    this.template = new TransactionTemplate(transactions);
    this.template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Once, in a transaction of its own; a busy database's exception goes to the caller. */
  <T> T once(TransactionCallback<T> work) {
    return template.execute(work);
  }

  /** Retried while the database is busy; the rows it changed. */
  int retried(IntSupplier statement) {
    for (int round = 1; ; round++) {
      try {
        Integer rows = template.execute(status -> statement.getAsInt());
        return rows == null ? 0 : rows;
      } catch (TransientDataAccessException | TransactionException busy) {
        if (round >= ROUNDS) {
          throw busy;
        }
      }
    }
  }
}
