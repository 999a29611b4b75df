package com.smsportal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.smsportal.gatewayaccount.GatewayAccounts;
import com.smsportal.tenant.TenantContext;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The password rotation form checks what was typed before it asks "rotate the password of …?": a
 * second entry that differs, or a password the gateway may not take, is refused by the browser at
 * once, next to the field, and no confirmation is asked for an input that would be refused.
 */
class RotationFormBrowserTests extends BrowserTest {

  @Autowired GatewayAccounts accounts;

  @Test
  void aRefusedInputIsShownAtItsFieldBeforeAnyConfirmationIsAsked() {
    long id = TenantContext.callAs(TenantContext.ALL_TENANTS, () -> accounts.list()).get(0).id();
    new LoginPage(driver, baseUrl()).open().logInAs("admin", DEMO_PASSWORD);
    Pages pages = new Pages(driver, baseUrl()).open("/accounts/" + id);

    pages.fill("newPassword", "Abcdefgh12").fill("repeat", "Abcdefgh13");
    driver.findElement(By.id("rotation-submit")).click();
    assertThat(confirmationAsked()).as("a confirmation for two different entries").isFalse();
    assertThat(validationMessage("repeat")).isEqualTo("两次输入的新密码不一致，未更换密码。");
    assertThat(pages.path()).isEqualTo("/accounts/" + id);

    pages.fill("newPassword", "short").fill("repeat", "short");
    driver.findElement(By.id("rotation-submit")).click();
    assertThat(confirmationAsked()).as("a confirmation for a password too short").isFalse();
    assertThat(validationMessage("newPassword")).isNotEmpty();

    // A valid entry is asked about; declined, nothing is rotated.
    pages.fill("newPassword", "Abcdefgh12").fill("repeat", "Abcdefgh12");
    driver.findElement(By.id("rotation-submit")).click();
    Alert question = driver.switchTo().alert();
    assertThat(question.getText()).contains("确定");
    question.dismiss();
    assertThat(pages.path()).isEqualTo("/accounts/" + id);
  }

  private boolean confirmationAsked() {
    try {
      driver.switchTo().alert().dismiss();
      return true;
    } catch (NoAlertPresentException none) {
      return false;
    }
  }

  private String validationMessage(String id) {
    WebElement field = driver.findElement(By.id(id));
    return (String)
        ((JavascriptExecutor) driver)
            .executeScript("return arguments[0].validationMessage;", field);
  }
}
