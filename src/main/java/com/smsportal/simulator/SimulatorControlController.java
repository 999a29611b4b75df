package com.smsportal.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulator's control surface for tests, benchmarks and the demo: make a phone reply, switch a
 * fault on or off, look at an account (never its password), start over.
 */
@RestController
@RequestMapping("/simulator/control")
@ConditionalOnBooleanProperty("smsportal.simulator.enabled")
class SimulatorControlController {

  private final SimulatedGateway gateway;

  SimulatorControlController(SimulatedGateway gateway) {
    this.gateway = gateway;
  }

  @GetMapping("/accounts")
  List<SimulatedGateway.AccountView> accounts() {
    return gateway.accounts();
  }

  /** Opens another account at the simulated gateway (201); its name and userid must be new. */
  @PostMapping("/accounts")
  ResponseEntity<Map<String, String>> open(
      @RequestParam String userid,
      @RequestParam String account,
      @RequestParam String password,
      @RequestParam(defaultValue = "0") long balance) {
    if (balance < 0) {
      throw new IllegalArgumentException("balance must not be negative");
    }
    gateway.open(
        new SimulatorProperties.Account(
            userid.strip(), account.strip(), password, balance, true, ""));
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("opened", account.strip()));
  }

  /** A phone replies to the account's number; without taskId, to its latest send to it. */
  @PostMapping("/replies")
  ResponseEntity<Map<String, String>> reply(
      @RequestParam String account,
      @RequestParam String mobile,
      @RequestParam String content,
      @RequestParam(required = false) String taskId) {
    gateway.reply(account, mobile, content, taskId);
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("queued", mobile));
  }

  /**
   * Switches a fault on ({@code mode} one of {@link Fault.Mode}); {@code NONE} switches it off.
   *
   * @param latencyMillis the wait of {@code LATENCY}
   * @param hangMillis the wait of {@code HANG} and {@code LOST_ANSWER}; 0 for the configured one
   * @param times how many requests it affects; 0 for all until switched off
   */
  @PostMapping("/faults")
  Map<String, String> fault(
      @RequestParam String account,
      @RequestParam Fault.Mode mode,
      @RequestParam(defaultValue = "0") long latencyMillis,
      @RequestParam(defaultValue = "0") long hangMillis,
      @RequestParam(defaultValue = "0") int times) {
    if (latencyMillis < 0 || hangMillis < 0 || times < 0) {
      throw new IllegalArgumentException(
          "latencyMillis, hangMillis and times must not be negative");
    }
    gateway.fault(
        account,
        new Fault(mode, Duration.ofMillis(latencyMillis), Duration.ofMillis(hangMillis), times));
    return Map.of("account", account, "fault", mode.name());
  }

  /** Sets an account's balance: a recharge, or points spent outside the portal. */
  @PostMapping("/balance")
  Map<String, String> balance(@RequestParam String account, @RequestParam long balance) {
    gateway.balance(account, balance);
    return Map.of("account", account, "balance", Long.toString(balance));
  }

  @PostMapping("/reset")
  Map<String, String> reset() {
    gateway.reset();
    return Map.of("reset", "done");
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Map<String, String>> refused(IllegalArgumentException e) {
    return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
  }
}
