package com.smsportal.contacts.book;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The tenant's groups (Hibernate adds the tenant to every query). */
public interface ContactGroupRepository extends JpaRepository<ContactGroup, Long> {

  Optional<ContactGroup> findByName(String name);

  List<ContactGroup> findAllByOrderByNameAsc();
}
