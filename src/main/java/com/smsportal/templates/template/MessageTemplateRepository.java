package com.smsportal.templates.template;

import com.smsportal.templates.ReviewState;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The current tenant's templates (Hibernate's tenant filter). */
public interface MessageTemplateRepository extends JpaRepository<MessageTemplate, Long> {

  List<MessageTemplate> findByStateOrderByNameAsc(ReviewState state);

  List<MessageTemplate> findByStateOrderByIdDesc(ReviewState state);

  Optional<MessageTemplate> findByName(String name);

  /**
   * One page, newest first, by keyset (before {@code beforeId}), optionally by a text in the name
   * or the content: the (tenant_id, id) index read backwards, as the opt-out list does.
   */
  @Query(
      "select t from MessageTemplate t where t.id < :beforeId and (:q is null"
          + " or t.name like :q escape '!' or t.content like :q escape '!')"
          + " order by t.tenantId desc, t.id desc")
  List<MessageTemplate> page(long beforeId, String q, Limit limit);
}
