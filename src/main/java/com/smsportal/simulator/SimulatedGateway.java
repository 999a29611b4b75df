package com.smsportal.simulator;

import com.smsportal.gateway.ChinaTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The gateway's behaviour and state, without HTTP: accounts and their prepaid balances, the
 * blocked-word list, taskIDs, and the fetch-once queues of status reports and replies. Answers are
 * the vendor's XML bodies, without the declaration (the endpoint adds it in its charset).
 *
 * <p>The delivery rule tests rely on: a number whose last digit is {@code 4} fails (status 20,
 * carrier code {@value #FAILED_CODE}); every other number is delivered (10, {@code DELIVRD}).
 */
final class SimulatedGateway {

  static final String FAILED_CODE = "UNDELIV";
  static final String EMPTY_CREDENTIALS = "用户名或密码不能为空";
  static final String WRONG_CREDENTIALS = "用户名或密码错误";
  static final String BALANCE_TOO_LOW = "对不起，您当前要发送的量大于您当前余额";

  private static final ZoneId CHINA = ChinaTime.ZONE;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final int DEFAULT_STATUS_NUM = 4000;
  private static final int RECENT_TASKS = 20;
  // What this stand-in calls SQL injection; the vendor does not say what it checks.
  private static final Pattern SQL_INJECTION =
      Pattern.compile(
          "'|--|/\\*|;\\s*(drop|delete|insert|update|exec)\\b|\\bxp_cmdshell\\b|\\bunion\\s+select\\b",
          Pattern.CASE_INSENSITIVE);

  private final SimulatorProperties properties;
  private final Clock clock;
  private final Map<String, SimulatedAccount> accounts = new LinkedHashMap<>();

  /** Accounts opened at run time ({@link #open}), opened again, fresh, by a reset. */
  private final Map<String, SimulatorProperties.Account> opened = new LinkedHashMap<>();

  private final AtomicLong nextTaskId = new AtomicLong();

  SimulatedGateway(SimulatorProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
    reset();
  }

  /**
   * Back to the configured accounts and balances (and those opened since, as they were opened),
   * with empty queues and no faults.
   */
  synchronized void reset() {
    accounts.clear();
    for (SimulatorProperties.Account configured : properties.accounts()) {
      accounts.put(configured.account(), new SimulatedAccount(configured));
    }
    for (SimulatorProperties.Account account : opened.values()) {
      accounts.put(account.account(), new SimulatedAccount(account));
    }
    nextTaskId.set(properties.firstTaskId());
  }

  /**
   * Opens another account at the gateway, as the vendor does for a new customer; refused if its
   * name is taken.
   */
  synchronized void open(SimulatorProperties.Account account) {
    if (account.account() == null
        || account.account().isBlank()
        || account.userid() == null
        || account.userid().isBlank()
        || account.password() == null
        || account.password().isEmpty()) {
      throw new IllegalArgumentException("userid, account and password are required");
    }
    if (accounts.containsKey(account.account())) {
      throw new IllegalArgumentException("account name taken");
    }
    opened.put(account.account(), account);
    accounts.put(account.account(), new SimulatedAccount(account));
  }

  // ---- the four actions of sms.aspx / smsGBK.aspx

  String accountAction(Map<String, String> form) {
    String action = form.getOrDefault("action", "").strip().toLowerCase(Locale.ROOT);
    return switch (action) {
      case "send" -> send(form);
      case "overage" -> overage(form);
      case "checkkeyword" -> checkKeyword(form);
      case "changespwd" -> changePassword(form);
      default -> sendFailure("其他错误", 0);
    };
  }

  private String send(Map<String, String> form) {
    Login login = login(form);
    if (login.refusal() != null) {
      return sendFailure(login.refusal(), 0);
    }
    SimulatedAccount account = login.account();
    List<String> mobiles =
        Arrays.stream(form.getOrDefault("mobile", "").split(","))
            .map(String::strip)
            .filter(m -> !m.isEmpty())
            .toList();
    String content = form.getOrDefault("content", "");
    String extno = form.getOrDefault("extno", "").strip();
    synchronized (account) {
      if (mobiles.isEmpty()) {
        return sendFailure("短信号码不能为空", account.balance);
      }
      if (content.isBlank()) {
        return sendFailure("短信内容不能为空", account.balance);
      }
      if (SQL_INJECTION.matcher(content).find()) {
        return sendFailure("发送内容包含sql注入字符", account.balance);
      }
      List<String> blocked = blockedWordsIn(content);
      if (!blocked.isEmpty()) {
        return sendFailure("包含非法字符:" + String.join(",", blocked), account.balance);
      }
      Instant sendAt = sendTime(form.getOrDefault("sendTime", ""));
      if (sendAt == null || !extno.matches("\\d{0,10}")) {
        return sendFailure("其他错误", account.balance);
      }
      long cost = (long) segments(content) * mobiles.size();
      if (cost > account.balance) {
        return sendFailure(BALANCE_TOO_LOW, account.balance);
      }
      account.balance -= cost;
      String taskId = Long.toString(nextTaskId.getAndIncrement());
      Instant reportAt = sendAt.plus(properties.reportDelay());
      for (String mobile : mobiles) {
        boolean fails = mobile.endsWith("4");
        account.reports.add(
            new Report(
                mobile, taskId, fails ? 20 : 10, fails ? FAILED_CODE : "DELIVRD", extno, reportAt));
      }
      account.remember(new Task(taskId, mobiles, extno, content, clock.instant()));
      return VendorXml.answer()
          .element("returnstatus", "Success")
          .element("message", "ok")
          .element("remainpoint", account.balance)
          .element("taskID", taskId)
          .element("successCounts", mobiles.size())
          .build();
    }
  }

  private String overage(Map<String, String> form) {
    Login login = login(form);
    if (login.refusal() != null) {
      return VendorXml.answer()
          .element("returnstatus", "Faild")
          .element("message", login.refusal())
          .element("payinfo", "")
          .element("overage", 0)
          .element("sendTotal", 0)
          .build();
    }
    SimulatedAccount account = login.account();
    synchronized (account) {
      // Sic: "Sucess" on this action only, as the vendor writes it.
      return VendorXml.answer()
          .element("returnstatus", "Sucess")
          .element("message", "")
          .element("payinfo", "预付费")
          .element("overage", account.balance)
          .element("sendTotal", account.sendTotal)
          .build();
    }
  }

  private String checkKeyword(Map<String, String> form) {
    Login login = login(form);
    if (login.refusal() != null) {
      return VendorXml.answer().element("message", login.refusal()).build();
    }
    List<String> blocked = blockedWordsIn(form.getOrDefault("content", ""));
    String message = blocked.isEmpty() ? "没有包含屏蔽词" : "包含非法字符:" + String.join(",", blocked);
    return VendorXml.answer().element("message", message).build();
  }

  private String changePassword(Map<String, String> form) {
    Login login = login(form);
    String refusal = login.refusal();
    String newPassword = form.getOrDefault("newpwd", "");
    if (refusal == null && newPassword.isBlank()) {
      refusal = "新密码不能为空";
    } else if (refusal == null && !newPassword.equals(form.getOrDefault("renewpwd", ""))) {
      refusal = "两次输入的密码不一致";
    }
    if (refusal == null) {
      synchronized (login.account()) {
        login.account().password = newPassword;
      }
    }
    return VendorXml.answer()
        .element("returnstatus", refusal == null ? "Success" : "Faild")
        .element("message", refusal == null ? "密码修改成功" : refusal)
        .reservedCheckCounts()
        .build();
  }

  // ---- statusApi.aspx and callApi.aspx: fetch-once queues

  String statusReports(Map<String, String> form) {
    Queried queried = query(form);
    if (queried.refusal() != null) {
      return queried.refusal();
    }
    String statusNum = form.getOrDefault("statusNum", "").strip();
    if (!statusNum.isEmpty() && !statusNum.matches("\\d{1,9}")) {
      return VendorXml.errorStatus(4, "参数不正确");
    }
    int max =
        statusNum.isEmpty() || Integer.parseInt(statusNum) == 0
            ? DEFAULT_STATUS_NUM
            : Integer.parseInt(statusNum);
    SimulatedAccount account = queried.account();
    List<Report> taken = new ArrayList<>();
    Instant now = clock.instant();
    synchronized (account) {
      Iterator<Report> waiting = account.reports.iterator();
      while (waiting.hasNext() && taken.size() < max) {
        Report report = waiting.next();
        if (!report.availableAt().isAfter(now)) {
          taken.add(report);
          waiting.remove();
        }
      }
    }
    if (taken.isEmpty()) {
      return VendorXml.empty();
    }
    VendorXml xml = VendorXml.answer();
    for (Report report : taken) {
      xml.open("statusbox")
          .inner("mobile", report.mobile())
          .inner("taskid", report.taskId())
          .inner("status", report.status())
          .inner("receivetime", TIME.format(report.availableAt().atZone(CHINA)))
          .inner("errorcode", report.errorCode())
          .inner("extno", report.extno())
          .close("statusbox");
    }
    return xml.build();
  }

  String replies(Map<String, String> form) {
    Queried queried = query(form);
    if (queried.refusal() != null) {
      return queried.refusal();
    }
    boolean ownExt = "1".equals(form.getOrDefault("ownExt", "").strip());
    SimulatedAccount account = queried.account();
    List<InboundReply> taken;
    synchronized (account) {
      taken = new ArrayList<>(account.replies);
      account.replies.clear();
    }
    if (taken.isEmpty()) {
      return VendorXml.empty();
    }
    VendorXml xml = VendorXml.answer();
    for (InboundReply reply : taken) {
      xml.open("callbox")
          .inner("mobile", reply.mobile())
          .inner("taskid", reply.taskId())
          .inner("content", reply.content())
          .inner("receivetime", TIME.format(reply.at().atZone(CHINA)))
          .inner("extno", ownExt ? reply.extno() : account.systemExt + reply.extno())
          .close("callbox");
    }
    return xml.build();
  }

  // ---- control: replies, faults, inspection

  /**
   * A phone replies. Without a taskId the reply belongs to the latest send to that number, if any.
   *
   * @throws IllegalArgumentException for an unknown account, an empty number or content
   */
  void reply(String accountName, String mobile, String content, String taskId) {
    SimulatedAccount account = account(accountName);
    if (mobile == null || mobile.isBlank() || content == null || content.isBlank()) {
      throw new IllegalArgumentException("mobile and content are required");
    }
    synchronized (account) {
      Optional<Task> task =
          taskId == null || taskId.isBlank()
              ? account.latestTaskTo(mobile.strip())
              : Optional.ofNullable(account.tasks.get(taskId.strip()));
      String replyTask = task.map(Task::taskId).orElse(taskId == null ? "" : taskId.strip());
      String extno = task.map(Task::extno).orElse("");
      account.replies.add(
          new InboundReply(mobile.strip(), replyTask, content, extno, clock.instant()));
    }
  }

  /** Sets the account's prepaid balance, as if it had been recharged or spent elsewhere. */
  void balance(String accountName, long balance) {
    if (balance < 0) {
      throw new IllegalArgumentException("balance must not be negative");
    }
    SimulatedAccount account = account(accountName);
    synchronized (account) {
      account.balance = balance;
    }
  }

  void fault(String accountName, Fault fault) {
    SimulatedAccount account = account(accountName);
    synchronized (account) {
      account.fault = fault;
      account.faultUses = 0;
    }
  }

  /** The fault for this request, counting it against the fault's {@code times}. */
  Fault faultFor(String accountName) {
    SimulatedAccount account;
    synchronized (this) {
      account = accounts.get(accountName == null ? "" : accountName.strip());
    }
    if (account == null) {
      return Fault.NONE;
    }
    synchronized (account) {
      Fault fault = account.fault;
      if (fault.mode() == Fault.Mode.NONE) {
        return fault;
      }
      account.faultUses++;
      if (fault.times() > 0 && account.faultUses >= fault.times()) {
        account.fault = Fault.NONE;
      }
      return fault;
    }
  }

  Duration defaultHang() {
    return properties.hangFor();
  }

  /** What the control API and the reply page show; never a password. */
  synchronized List<AccountView> accounts() {
    List<AccountView> views = new ArrayList<>();
    for (SimulatedAccount account : accounts.values()) {
      synchronized (account) {
        views.add(
            new AccountView(
                account.userid,
                account.name,
                account.balance,
                account.sendTotal,
                account.reports.size(),
                account.replies.size(),
                account.fault.mode(),
                newestFirst(account.tasks.values())));
      }
    }
    return views;
  }

  private static List<Task> newestFirst(Collection<Task> tasks) {
    List<Task> list = new ArrayList<>(tasks);
    java.util.Collections.reverse(list);
    return List.copyOf(list);
  }

  record AccountView(
      String userid,
      String account,
      long balance,
      long sendTotal,
      int pendingReports,
      int pendingReplies,
      Fault.Mode fault,
      List<Task> recentTasks) {}

  record Task(String taskId, List<String> mobiles, String extno, String content, Instant sentAt) {}

  // ---- the parts

  private synchronized SimulatedAccount account(String name) {
    SimulatedAccount account = accounts.get(name == null ? "" : name.strip());
    if (account == null) {
      throw new IllegalArgumentException("no simulator account " + name);
    }
    return account;
  }

  private record Login(SimulatedAccount account, String refusal) {}

  private Login login(Map<String, String> form) {
    String userid = form.getOrDefault("userid", "").strip();
    String name = form.getOrDefault("account", "").strip();
    String password = form.getOrDefault("password", "");
    if (userid.isEmpty() || name.isEmpty() || password.isEmpty()) {
      return new Login(null, EMPTY_CREDENTIALS);
    }
    SimulatedAccount account;
    synchronized (this) {
      account = accounts.get(name);
    }
    if (account == null || !account.userid.equals(userid)) {
      return new Login(null, WRONG_CREDENTIALS);
    }
    synchronized (account) {
      if (!account.password.equals(password)) {
        return new Login(null, WRONG_CREDENTIALS);
      }
    }
    return new Login(account, null);
  }

  private record Queried(SimulatedAccount account, String refusal) {}

  private Queried query(Map<String, String> form) {
    Login login = login(form);
    if (login.refusal() != null) {
      int code = EMPTY_CREDENTIALS.equals(login.refusal()) ? 1 : 2;
      return new Queried(null, VendorXml.errorStatus(code, login.refusal()));
    }
    if (!"query".equalsIgnoreCase(form.getOrDefault("action", "").strip())) {
      return new Queried(null, VendorXml.errorStatus(4, "参数不正确"));
    }
    if (!login.account().reportsAllowed) {
      return new Queried(null, VendorXml.errorStatus(3, "该用户不允许查看状态报告"));
    }
    return new Queried(login.account(), null);
  }

  private String sendFailure(String message, long balance) {
    return VendorXml.answer()
        .element("returnstatus", "Faild")
        .element("message", message)
        .element("remainpoint", balance)
        .element("taskID", 0)
        .element("successCounts", 0)
        .build();
  }

  private List<String> blockedWordsIn(String content) {
    return properties.blockedWords().stream().filter(content::contains).toList();
  }

  /** Now for an empty sendTime, the scheduled time otherwise; null if unreadable. */
  private Instant sendTime(String text) {
    Instant now = clock.instant();
    if (text.isBlank()) {
      return now;
    }
    try {
      Instant scheduled = LocalDateTime.parse(text.strip(), TIME).atZone(CHINA).toInstant();
      return scheduled.isAfter(now) ? scheduled : now;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** 70 characters fit one message; a longer text goes in parts of 67. */
  static int segments(String content) {
    int length = content.codePointCount(0, content.length());
    return length <= 70 ? 1 : (length + 66) / 67;
  }

  private record Report(
      String mobile,
      String taskId,
      int status,
      String errorCode,
      String extno,
      Instant availableAt) {}

  private record InboundReply(
      String mobile, String taskId, String content, String extno, Instant at) {}

  private static final class SimulatedAccount {
    final String userid;
    final String name;
    final boolean reportsAllowed;
    final String systemExt;
    String password;
    long balance;
    final long sendTotal;
    final List<Report> reports = new ArrayList<>();
    final List<InboundReply> replies = new ArrayList<>();
    final LinkedHashMap<String, Task> tasks = new LinkedHashMap<>();
    Fault fault = Fault.NONE;
    int faultUses;

    SimulatedAccount(SimulatorProperties.Account configured) {
      this.userid = configured.userid();
      this.name = configured.account();
      this.password = configured.password();
      this.balance = configured.balance();
      this.sendTotal = configured.balance();
      this.reportsAllowed = configured.reportsAllowed();
      this.systemExt = configured.systemExt() == null ? "" : configured.systemExt();
    }

    void remember(Task task) {
      tasks.put(task.taskId(), task);
      if (tasks.size() > RECENT_TASKS) {
        tasks.remove(tasks.keySet().iterator().next());
      }
    }

    Optional<Task> latestTaskTo(String mobile) {
      Task latest = null;
      Collection<Task> all = tasks.values();
      for (Task task : all) {
        if (task.mobiles().contains(mobile)) {
          latest = task;
        }
      }
      return Optional.ofNullable(latest);
    }
  }
}
