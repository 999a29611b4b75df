package com.smsportal.gatewayaccount.account;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One gateway account (endpoint, userid, account), one row in the whole portal: a row claims its
 * gateway account only once the gateway has accepted its password (issue 20), and a second claim is
 * refused, twice over: by a count before the change, which a caller can answer next to the field,
 * and by the unique index when the row is written.
 */
@Component
class IdentityClaims {

  private final GatewayAccountRepository accounts;
  private final JdbcTemplate jdbc;

  IdentityClaims(GatewayAccountRepository accounts, JdbcTemplate jdbc) {
    this.accounts = accounts;
    this.jdbc = jdbc;
  }

  /**
   * Refuses a gateway account that another row of any tenant holds. A plain count across tenants
   * (native SQL is not tenant-filtered, on purpose here): it says yes or no, never whose.
   *
   * @param self the row that would claim it (null: a new one)
   * @throws IdentityTakenException if another row holds it
   */
  void refuseTaken(Long endpointId, String userid, String account, Long self) {
    Integer holders =
        jdbc.queryForObject(
            "select count(*) from gateway_account where endpoint_id = ? and userid = ?"
                + " and account_key = ? and identity_claimed = TRUE and id <> ?",
            Integer.class,
            endpointId,
            userid.strip(),
            GatewayAccount.accountKey(account),
            self == null ? -1L : self);
    if (holders != null && holders > 0) {
      throw new IdentityTakenException();
    }
  }

  /**
   * Writes the row now, so a second holder of its gateway account is refused here.
   *
   * @throws IdentityTakenException if the unique index refuses it
   */
  void write(GatewayAccount account) {
    try {
      accounts.saveAndFlush(account);
    } catch (DataIntegrityViolationException taken) {
      throw new IdentityTakenException();
    }
  }
}
