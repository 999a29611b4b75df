package com.smsportal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.smsportal.tenant.TenantService;
import com.smsportal.user.Role;
import com.smsportal.user.UserService;
import com.smsportal.user.account.PortalUserRepository;
import com.smsportal.user.secondfactor.SecondFactors;
import com.smsportal.user.secondfactor.TotpCodes;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An administrator sets up two-step sign-in as a person would: scans the QR code (here: reads it
 * from a screenshot of the page), types the app's code, keeps the recovery codes; then logs in with
 * password and code, and once with a recovery code, which does not work a second time.
 */
class TwoFactorBrowserTests extends BrowserTest {

  static final String PASSWORD = "a-long-browser-passphrase";

  @Autowired UserService users;
  @Autowired TenantService tenants;
  @Autowired PortalUserRepository userRepository;
  @Autowired SecondFactors secondFactors;

  @Test
  void anAdminEnrolsFromTheQrCodeThenLogsInWithACodeAndOnceWithARecoveryCode() throws Exception {
    String admin = "adm" + UUID.randomUUID().toString().substring(0, 8);
    users.create(admin, PASSWORD, Role.ADMIN, null);
    Pages pages = new Pages(driver, baseUrl());

    new LoginPage(driver, baseUrl()).open().submit(admin, PASSWORD);
    assertThat(pages.path()).isEqualTo("/account/two-factor");
    screenshot("twoFactorEnrolmentPage");
    String secret = TotpCodes.secretOf(qrCodeText());
    assertThat(pages.text("totp-secret").replace(" ", "")).isEqualTo(secret);
    Instant enrolledAt = Instant.now();
    pages.fill("code", TotpCodes.at(secret, enrolledAt)).press("two-factor-confirm");
    List<String> recovery =
        driver.findElements(By.cssSelector("#recovery-codes .recovery-code")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(recovery).hasSize(10);
    pages.press("recovery-done");
    assertThat(new PortalPage(driver, baseUrl()).role()).isEqualTo("管理员");
    pages.press("logout");

    LoginPage login = new LoginPage(driver, baseUrl()).open().submit(admin, PASSWORD);
    assertThat(pages.path()).isEqualTo("/login/verify");
    login.enterCode(TotpCodes.next(secret, enrolledAt));
    assertThat(pages.path()).isEqualTo("/");
    assertThat(new PortalPage(driver, baseUrl()).username()).isEqualTo(admin);
    pages.press("logout");

    new LoginPage(driver, baseUrl()).open().submit(admin, PASSWORD).enterCode(recovery.get(0));
    assertThat(pages.path()).isEqualTo("/");
    pages.press("logout");

    new LoginPage(driver, baseUrl()).open().submit(admin, PASSWORD).enterCode(recovery.get(0));
    assertThat(pages.path()).isEqualTo("/login/verify");
    assertThat(pages.text("verify-error")).isEqualTo("验证码不正确，请重试。");
  }

  @Test
  void aCustomerTurnsOptionalTwoStepSignInOffAfterAConfirmationAndThenSignsInWithThePassword()
      throws Exception {
    String name = "cus" + UUID.randomUUID().toString().substring(0, 8);
    users.create(name, PASSWORD, Role.TENANT_ADMIN, tenants.create("T2B-" + name).id());
    long id = userRepository.findByUsername(name).orElseThrow().getId();
    String secret = secondFactors.pendingSecret(id);
    List<String> recovery =
        secondFactors.confirm(id, TotpCodes.previous(secret, Instant.now())).orElseThrow();
    Pages pages = new Pages(driver, baseUrl());
    new LoginPage(driver, baseUrl()).open().submit(name, PASSWORD).enterCode(recovery.get(0));
    assertThat(pages.path()).isEqualTo("/");

    pages.open("/account/two-factor");
    pages.fill("off-password", PASSWORD).fill("off-code", recovery.get(1));
    driver.findElement(By.id("two-factor-off-submit")).click();
    org.openqa.selenium.Alert question = driver.switchTo().alert();
    assertThat(question.getText()).startsWith("确定要关闭两步验证吗");
    question.accept();
    new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
        .until(d -> !d.findElements(By.id("two-factor-turned-off")).isEmpty());
    assertThat(pages.text("two-factor-turned-off")).startsWith("两步验证已关闭");
    assertThat(secondFactors.enrolled(id)).isFalse();
    pages.press("logout");

    new LoginPage(driver, baseUrl()).open().submit(name, PASSWORD);
    assertThat(pages.path()).isEqualTo("/");
  }

  private void screenshot(String name) throws Exception {
    java.nio.file.Path dir =
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
    java.nio.file.Files.write(
        dir.resolve(name + ".png"),
        ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  /** The text of the QR code on the page, read from a screenshot of it as a phone would. */
  private String qrCodeText() throws Exception {
    byte[] png = driver.findElement(By.id("totp-qr")).getScreenshotAs(OutputType.BYTES);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    int[] pixels =
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
  }
}
