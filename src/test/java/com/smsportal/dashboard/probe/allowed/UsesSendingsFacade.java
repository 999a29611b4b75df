package com.smsportal.dashboard.probe.allowed;

import com.smsportal.sending.JobView;
import com.smsportal.sending.SendJobs;
import java.util.List;

/**
 * Planted for {@code ModularityTests}, never a bean: a dashboard class that uses only what sending
 * offers in its base package, as the real dashboard does. The module check must let it pass.
 */
public class UsesSendingsFacade {

  List<JobView> jobs(SendJobs jobs) {
    return jobs.inProgress();
  }
}
