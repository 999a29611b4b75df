package com.smsportal.sending;

import com.smsportal.SimulatorControl;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** What the running portal's simulator received: its recent send tasks per gateway account. */
final class SimulatorTasks {

  /** One send the simulator accepted. */
  record Task(String taskId, List<String> mobiles, String extno, String content) {}

  private final SimulatorControl control;

  SimulatorTasks(int port) {
    this.control = new SimulatorControl(port);
  }

  /** The simulator's task with this taskID, on any of its accounts. */
  Optional<Task> find(String taskId) throws Exception {
    return all().stream().filter(t -> t.taskId().equals(taskId)).findFirst();
  }

  /** Every recent task (sends) that went to this number. */
  List<Task> to(String mobile) throws Exception {
    return all().stream().filter(t -> t.mobiles().contains(mobile)).toList();
  }

  List<Task> all() throws Exception {
    String body = control.accounts();
    List<Task> tasks = new ArrayList<>();
    for (JsonNode account : new ObjectMapper().readTree(body)) {
      for (JsonNode task : account.get("recentTasks")) {
        List<String> mobiles = new ArrayList<>();
        task.get("mobiles").forEach(m -> mobiles.add(m.asString()));
        tasks.add(
            new Task(
                task.get("taskId").asString(),
                mobiles,
                task.get("extno").asString(),
                task.get("content").asString()));
      }
    }
    return tasks;
  }
}
