package com.smsportal.dashboard;

import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.replies.ReplyQueries;
import com.smsportal.sending.SendJobs;
import com.smsportal.sending.SendStatistics;
import com.smsportal.tenant.TenantService;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The home page. A customer sees their tenant's balances (loaded by htmx after the page, see {@link
 * BalanceController}), sends and delivery rate per day, and the jobs still in progress; the
 * operator's staff see the tenant count, the accounts with a low balance, the failing pollers and
 * today's sends of every tenant ({@link StaffPanels}).
 */
@Controller
class DashboardController {

  static final String VIEW = "dashboard/index";
  static final String SENDS = "partials/dashboard/sends :: sends";

  private static final int LATEST_REPLIES = 5;

  private final ReplyQueries replies;
  private final TenantService tenants;
  private final GatewayAccounts accounts;
  private final SendJobs jobs;
  private final SendStatistics statistics;
  private final StaffPanels staff;

  DashboardController(
      TenantService tenants,
      StaffPanels staff,
      GatewayAccounts accounts,
      SendJobs jobs,
      SendStatistics statistics,
      ReplyQueries replies) {
    this.replies = replies;
    this.tenants = tenants;
    this.accounts = accounts;
    this.jobs = jobs;
    this.statistics = statistics;
    this.staff = staff;
  }

  @GetMapping("/")
  String dashboard(
      @RequestParam(required = false) Integer days, HttpServletRequest request, Model model) {
    // Only the operator's staff may learn how many tenants exist (not while they see a tenant's own
    // dashboard, as its customer sees it).
    if ((request.isUserInRole("SUPPORT") || request.isUserInRole("ADMIN"))
        && !CustomerPanels.isCustomer(request)) {
      model.addAttribute("tenantCount", tenants.count());
      model.addAttribute("staff", staff.figures());
    }
    if (CustomerPanels.isCustomer(request)) {
      model.addAttribute("customerDashboard", true);
      model.addAttribute("sends", sends(days));
      model.addAttribute("jobsInProgress", jobs.inProgress());
      model.addAttribute("latestReplies", replies.latest(LATEST_REPLIES));
      model.addAttribute("accountNames", accounts.names());
    }
    return VIEW;
  }

  /** The chart and table of another period, swapped in by the 7/30 days toggle. */
  @HxRequest
  @GetMapping("/dashboard/sends")
  String sendsPanel(
      @RequestParam(required = false) Integer days, HttpServletRequest request, Model model) {
    CustomerPanels.requireCustomer(request);
    model.addAttribute("sends", sends(days));
    return SENDS;
  }

  /** Without htmx the toggle is a link to the dashboard of that period. */
  @GetMapping("/dashboard/sends")
  String sendsPage(@RequestParam(required = false) Integer days, HttpServletRequest request) {
    CustomerPanels.requireCustomer(request);
    return "redirect:/?days=" + SendsChart.period(days);
  }

  private SendsChart sends(Integer days) {
    int period = SendsChart.period(days);
    return new SendsChart(period, statistics.lastDays(period));
  }
}
