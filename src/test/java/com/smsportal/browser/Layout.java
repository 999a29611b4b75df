package com.smsportal.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * How a page is laid out at a given width, measured from the elements' boxes in the browser: where
 * the content starts, and which short labels the browser broke over more than one line.
 */
final class Layout {

  /** Short labels a user reads at a glance: buttons, navigation links, badges, table headings. */
  static final String SHORT_LABELS =
      "button, .btn, nav a, .badge, th, label, .lang-switch a, .filters .btn, .audit-action";

  /**
   * Every visible element of the selector whose text is short Chinese (at most eight characters)
   * and whose text the browser laid out on more than one line: the rectangles of its text do not
   * all share one top.
   */
  private static final String BROKEN_LABELS =
      """
      var broken = [];
      document.querySelectorAll(arguments[0]).forEach(function (el) {
        var box = el.getBoundingClientRect();
        if (box.width <= 1 || box.height <= 1) { return; }
        var text = el.textContent.replace(/\\s+/g, ' ').trim();
        if (!/[\\u3400-\\u9fff]/.test(text) || text.length > 8) { return; }
        var rects = [];
        var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          var range = document.createRange();
          range.selectNodeContents(walker.currentNode);
          Array.prototype.forEach.call(range.getClientRects(), function (r) {
            if (r.width > 0) { rects.push(r); }
          });
        }
        var first = rects[0];
        if (first && rects.some(function (r) { return Math.abs(r.top - first.top) > first.height / 2; })) {
          broken.push(location.pathname + ' ' + el.tagName.toLowerCase()
            + (el.id ? '#' + el.id : '') + ' "' + text + '" on ' + rects.length + ' pieces');
        }
      });
      return broken;
      """;

  /** The top of the page's heading (or its main content's first element) from the page's top. */
  private static final String CONTENT_TOP =
      """
      var main = document.querySelector('main');
      var first = (main && main.querySelector('h1')) || (main && main.firstElementChild) || main;
      return first ? first.getBoundingClientRect().top + window.scrollY : -1;
      """;

  private final ChromeDriver driver;

  Layout(ChromeDriver driver) {
    this.driver = driver;
  }

  /** Lays pages out as a screen this many CSS pixels wide would. */
  Layout width(int width) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", false));
    return this;
  }

  double contentTop() {
    return ((Number) driver.executeScript(CONTENT_TOP)).doubleValue();
  }

  @SuppressWarnings("unchecked")
  List<String> brokenLabels(String selector) {
    return (List<String>) driver.executeScript(BROKEN_LABELS, selector);
  }

  List<String> brokenLabels() {
    return brokenLabels(SHORT_LABELS);
  }

  /** Whether the element is laid out with a visible box (not display:none, not zero-sized). */
  boolean shown(String id) {
    return (Boolean)
        driver.executeScript(
            "var e = document.getElementById(arguments[0]);"
                + "if (!e) { return false; } var r = e.getBoundingClientRect();"
                + "return r.width > 1 && r.height > 1 && getComputedStyle(e).visibility !== 'hidden';",
            id);
  }

  /** Keeps the viewport's picture in target/screenshots/layout for the lead to look at. */
  void screenshot(String name) throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "screenshots", "layout"));
    Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
  }
}
