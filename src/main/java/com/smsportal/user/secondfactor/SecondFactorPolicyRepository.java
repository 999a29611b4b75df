package com.smsportal.user.secondfactor;

import org.springframework.data.jpa.repository.JpaRepository;

interface SecondFactorPolicyRepository extends JpaRepository<SecondFactorPolicy, Long> {}
