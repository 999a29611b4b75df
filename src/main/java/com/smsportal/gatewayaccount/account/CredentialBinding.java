package com.smsportal.gatewayaccount.account;

import com.smsportal.secrets.CredentialCipher;

/**
 * Where a stored gateway password belongs, as the associated data of its AES-GCM ciphertext: its
 * column, its row and tenant, and the gateway account it opens (endpoint, {@code userid}, {@code
 * account}). A ciphertext copied into another row, or left behind after the account was pointed
 * elsewhere, fails authentication instead of following the row to a new address.
 */
record CredentialBinding(
    String column, long accountId, long tenantId, long endpointId, String userid, String account)
    implements CredentialCipher.Binding {

  /** Where a value of the first format ({@code v1}) lived: its column and its row's tenant. */
  static CredentialCipher.Binding legacy(String column, long tenantId) {
    return () -> "gateway_account." + column + "/tenant:" + tenantId;
  }

  /**
   * The associated data. Free text is length-prefixed, so no two bindings read the same ("a/b" +
   * "c" never equals "a" + "b/c").
   */
  @Override
  public String context() {
    return "gateway_account."
        + column
        + "/id:"
        + accountId
        + "/tenant:"
        + tenantId
        + "/endpoint:"
        + endpointId
        + "/userid:"
        + userid.length()
        + ":"
        + userid
        + "/account:"
        + account.length()
        + ":"
        + account;
  }

  @Override
  public String toString() {
    return context();
  }
}
