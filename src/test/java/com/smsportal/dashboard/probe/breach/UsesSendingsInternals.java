package com.smsportal.dashboard.probe.breach;

import com.smsportal.sending.store.SendJob;
import com.smsportal.sending.store.SendJobRepository;
import java.util.List;

/**
 * Planted for {@code ModularityTests}, never a bean: a dashboard class that reaches past sending's
 * facade into its job storage (a sub-package, so internal). The module check must refuse it.
 */
public class UsesSendingsInternals {

  List<SendJob> jobs(SendJobRepository jobs) {
    return jobs.findAll();
  }
}
