package com.smsportal.contacts;

import java.util.Collection;
import java.util.Set;

/**
 * Which of a tenant's numbers are on its opt-out list: the address book shows them as such. The
 * sending module, which owns the list, implements it (contacts must not depend on sending).
 */
public interface OptedOutNumbers {

  /** Those of {@code mobiles} (11 digits each) on the tenant's opt-out list. */
  Set<String> optedOut(long tenantId, Collection<String> mobiles);
}
