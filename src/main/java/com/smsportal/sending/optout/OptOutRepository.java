package com.smsportal.sending.optout;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OptOutRepository extends JpaRepository<OptOut, Long> {

  Optional<OptOut> findByMobile(String mobile);

  @Query("select o.mobile from OptOut o where o.mobile in :mobiles")
  List<String> mobilesAmong(Collection<String> mobiles);

  /**
   * One page, newest first, by keyset (before {@code beforeId}), optionally by number: the index on
   * (tenant_id, id) read backwards (the order names the tenant, constant here, so that H2 too reads
   * the index in order instead of sorting all of the tenant's opt-outs).
   */
  @Query(
      "select o from OptOut o where o.id < :beforeId"
          + " and (:mobile is null or o.mobile like :mobile escape '!') order by o.tenantId desc, o.id desc")
  List<OptOut> page(long beforeId, String mobile, Limit limit);
}
