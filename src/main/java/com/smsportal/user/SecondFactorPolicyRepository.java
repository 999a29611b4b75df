package com.smsportal.user;

import org.springframework.data.jpa.repository.JpaRepository;

interface SecondFactorPolicyRepository extends JpaRepository<SecondFactorPolicy, Long> {}
