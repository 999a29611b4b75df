package com.smsportal.webhooks.endpoint;

import com.smsportal.web.KeysetPage;
import com.smsportal.web.NotFoundException;
import com.smsportal.webhooks.delivery.DeliveryLog;
import com.smsportal.webhooks.delivery.DeliveryView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An endpoint's delivery log, newest first by keyset, and a manual redeliver. */
@Controller
class DeliveryLogController {

  static final String LOG = "webhooks/deliveries";
  static final int PAGE = 50;

  private final WebhookEndpoints endpoints;
  private final DeliveryLog deliveries;

  DeliveryLogController(WebhookEndpoints endpoints, DeliveryLog deliveries) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
  }

  @GetMapping("/settings/webhooks/{id}/deliveries")
  String log(@PathVariable long id, @RequestParam(required = false) Long before, Model model) {
    EndpointView endpoint = endpoints.find(id).orElseThrow(NotFoundException::new);
    KeysetPage<DeliveryView> page = KeysetPage.read(PAGE, n -> deliveries.page(id, before, n));
    model.addAttribute("endpoint", endpoint);
    model.addAttribute("deliveries", page.rows());
    model.addAttribute("nextBefore", page.next(DeliveryView::id));
    model.addAttribute("firstPage", before == null);
    return LOG;
  }

  @PostMapping("/settings/webhooks/{id}/deliveries/{deliveryId}/redeliver")
  String redeliver(
      @PathVariable long id, @PathVariable long deliveryId, RedirectAttributes redirect) {
    endpoints.find(id).orElseThrow(NotFoundException::new);
    if (!deliveries.redeliver(id, deliveryId)) {
      throw new NotFoundException();
    }
    redirect.addFlashAttribute("saved", "webhooks.redeliver.queued");
    return "redirect:/settings/webhooks/" + id + "/deliveries";
  }
}
