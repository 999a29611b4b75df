package com.smsportal.sending.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.sending.worker.SendTurns.Account;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendTurnsTests {

  private static final Account A1 = new Account(1, 11);
  private static final Account A2 = new Account(1, 12);
  private static final Account A3 = new Account(1, 13);
  private static final Account B = new Account(2, 21);
  private static final Account C = new Account(3, 31);

  @Test
  void aTenantWithManyAccountsGetsOneTurnBeforeTheOthersEachGetTheirs() {
    SendTurns turns = new SendTurns();

    assertThat(turns.order(List.of(A1, A2, A3, B, C))).containsExactly(A1, B, C, A2, A3);
  }

  @Test
  void whoWasServedGoesToTheBackAndWhoFoundNoThreadComesFirstNextTime() {
    SendTurns turns = new SendTurns();
    // One thread free: only the first in line is served; the others found none.
    turns.served(turns.order(List.of(A1, B, C)).get(0));

    assertThat(turns.order(List.of(A1, B, C))).containsExactly(B, C, A1);
    turns.served(B);
    assertThat(turns.order(List.of(A1, B, C))).containsExactly(C, A1, B);
  }

  @Test
  void withinATenantItsAccountsTakeTurns() {
    SendTurns turns = new SendTurns();
    turns.served(A1);
    turns.served(B);

    assertThat(turns.order(List.of(A1, A2, B))).containsExactly(A2, B, A1);
  }
}
