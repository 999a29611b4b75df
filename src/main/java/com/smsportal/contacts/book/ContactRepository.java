package com.smsportal.contacts.book;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The tenant's contacts (Hibernate adds the tenant to every query). */
public interface ContactRepository extends JpaRepository<Contact, Long> {

  Optional<Contact> findByMobile(String mobile);
}
