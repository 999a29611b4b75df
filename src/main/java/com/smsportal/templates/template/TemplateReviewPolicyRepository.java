package com.smsportal.templates.template;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TemplateReviewPolicyRepository extends JpaRepository<TemplateReviewPolicy, Long> {}
