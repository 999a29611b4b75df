package com.smsportal.sending.optout;

import com.smsportal.contacts.OptedOutNumbers;
import com.smsportal.tenant.TenantContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/** Tells the address book which of its numbers are on the tenant's opt-out list (issue 24). */
@Component
class ContactOptOuts implements OptedOutNumbers {

  private final OptOutRepository optOuts;

  ContactOptOuts(OptOutRepository optOuts) {
    this.optOuts = optOuts;
  }

  @Override
  public Set<String> optedOut(long tenantId, Collection<String> mobiles) {
    if (mobiles.isEmpty()) {
      return Set.of();
    }
    return TenantContext.callAs(
        tenantId,
        () -> {
          Set<String> listed = new TreeSet<>();
          List<String> all = new ArrayList<>(mobiles);
          for (int i = 0; i < all.size(); i += 1000) {
            listed.addAll(optOuts.mobilesAmong(all.subList(i, Math.min(all.size(), i + 1000))));
          }
          return listed;
        });
  }
}
