package com.smsportal.dashboard;

import com.smsportal.replies.ReplyQueries;
import com.smsportal.sending.SendJobs;
import com.smsportal.sending.SendStatistics;
import com.smsportal.tenant.GatewayAccountView;
import com.smsportal.tenant.GatewayAccounts;
import com.smsportal.tenant.TenantService;
import com.smsportal.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The home page. A customer sees their tenant's balances (loaded by htmx after the page, see {@link
 * BalanceController}), sends and delivery rate per day, and the jobs still in progress; the
 * operator's staff see the tenant count.
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

  DashboardController(
      TenantService tenants,
      GatewayAccounts accounts,
      SendJobs jobs,
      SendStatistics statistics,
      ReplyQueries replies) {
    this.replies = replies;
    this.tenants = tenants;
    this.accounts = accounts;
    this.jobs = jobs;
    this.statistics = statistics;
  }

  @GetMapping("/")
  String dashboard(
      @RequestParam(required = false) Integer days, HttpServletRequest request, Model model) {
    // Only the operator's staff may learn how many tenants exist.
    if (request.isUserInRole("SUPPORT") || request.isUserInRole("ADMIN")) {
      model.addAttribute("tenantCount", tenants.count());
    }
    if (isCustomer(request)) {
      model.addAttribute("customerDashboard", true);
      model.addAttribute("sends", sends(days));
      model.addAttribute("jobsInProgress", jobs.inProgress());
      model.addAttribute("latestReplies", replies.latest(LATEST_REPLIES));
      model.addAttribute(
          "accountNames",
          accounts.list().stream()
              .collect(Collectors.toMap(GatewayAccountView::id, GatewayAccountView::name)));
    }
    return VIEW;
  }

  /** The chart and table of another period, swapped in by the 7/30 days toggle. */
  @GetMapping("/dashboard/sends")
  String sendsPanel(
      @RequestParam(required = false) Integer days, HttpServletRequest request, Model model) {
    requireCustomer(request);
    SendsChart chart = sends(days);
    if (!Htmx.isRequest(request)) {
      return "redirect:/?days=" + chart.days();
    }
    model.addAttribute("sends", chart);
    return SENDS;
  }

  private SendsChart sends(Integer days) {
    int period = SendsChart.period(days);
    return new SendsChart(period, statistics.lastDays(period));
  }

  static boolean isCustomer(HttpServletRequest request) {
    return request.isUserInRole("CUSTOMER");
  }

  /** The panels show one tenant's data: staff (every tenant's context) have none of their own. */
  static void requireCustomer(HttpServletRequest request) {
    if (!isCustomer(request)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
  }
}
