package com.smsportal.api.key;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/** The current tenant's keys (Hibernate adds the tenant). */
interface ApiKeyRepository extends Repository<ApiKey, Long> {

  ApiKey save(ApiKey key);

  Optional<ApiKey> findById(Long id);

  List<ApiKey> findAllByOrderByIdDesc();
}
