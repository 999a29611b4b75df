package com.smsportal.gatewayaccount;

import java.util.List;

/**
 * What the form of a new gateway account suggests: the endpoint it preselects and the gateway
 * logins that endpoint is known to accept, shown beside the form. Another module may provide one
 * (the demo: its simulator and the simulator's accounts); without one, the form preselects the
 * first active endpoint and shows no logins. A suggestion for an endpoint that is not active is
 * ignored.
 */
public interface NewAccountSuggestion {

  /** The endpoint to preselect; null when this suggestion has none (yet). */
  Long endpointId();

  /** Logins the suggested endpoint accepts, to show on the form; empty for none. */
  List<Login> logins();

  /** One login a stand-in gateway accepts (published, never a real customer's credentials). */
  record Login(String userid, String account, String password) {

    @Override
    public String toString() {
      return "Login[userid=" + userid + ", account=" + account + ", password=****]";
    }
  }
}
