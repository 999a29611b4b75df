package com.smsportal.templates.signature;

import com.smsportal.templates.ReviewState;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The current tenant's signatures (Hibernate's tenant filter). */
public interface SignatureRepository extends JpaRepository<Signature, Long> {

  @Query("select s.text from Signature s where s.state = :state order by s.id")
  List<String> textsIn(ReviewState state);

  Optional<Signature> findByText(String text);

  List<Signature> findAllByOrderByIdDesc();
}
