package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard as a person uses it, in headless Chromium: the key typed once, a card added
 * through the API showing up marked preferred without a reload, the clock moved a year from the
 * button and the renewal appearing in the timeline. Screenshots go to
 * {@code target/dashboard-screenshots/}, their paths printed.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} ({@code .ci/run} installs
 * them). Without them the test is skipped, except on CI ({@code CI=true}), where it fails so that
 * it is never silently left out.
 */
class DashboardBrowserTest {
  private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");
  /** How long the page may take to show a change: it fetches the state every second. */
  private static final Duration SHOWN = Duration.ofSeconds(15);

  private SettleSandbox sandbox;
  private HeadlessChromium chromium;
  private WebDriver browser;

  @BeforeEach
  void sandboxAndBrowser() throws IOException {
    chromium = HeadlessChromium.start(SHOWN, "--window-size=1280,2400");
    browser = chromium.browser();
    sandbox = SettleSandbox.builder()
        .clock(Clock.fixed(Instant.parse("2026-11-26T09:30:00Z"), ZoneOffset.UTC))
        .build().start();
  }

  @AfterEach
  void closeBrowserAndSandbox() {
    try {
      if (chromium != null) {
        chromium.close();
      }
    } finally {
      if (sandbox != null) {
        sandbox.close();
      }
    }
  }

  @Test
  void aCardAddedThroughTheApiShowsPreferredAndAYearFromTheButtonShowsTheRenewal() throws IOException {
    browser.get(sandbox.baseUrl().toString());
    assertThat(browser.getTitle()).isEqualTo("Settle sandbox");
    WebElement keyField = browser.findElement(By.id("api-key"));
    assertThat(browser.switchTo().activeElement()).as("the key field has the focus").isEqualTo(keyField);
    assertThat(browser.findElement(By.cssSelector("label[for=api-key]")).getText()).isEqualTo("API key of this sandbox");
    keyField.sendKeys(sandbox.apiKey() + Keys.ENTER);

    WebElement state = browser.findElement(By.id("state"));
    waitUntil("the accounts are shown", () -> state.getText().contains("100001 · Atelier Dupont"));
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("title");
    assertThat(browser.findElement(By.id("key-form")).isDisplayed()).isFalse();

    // A card stored through the API, by plain HTTP: on Portal I it is the one method, so preferred.
    SandboxHttp http = new SandboxHttp(sandbox);
    Reply token = http.post("/v1/tokens", SandboxTestCase.cardJson("4242424242424242", 12, 2030, "123"));
    String methodId = http.post("/v1/accounts/100001/payment_methods", "{\"token\":\"" + token.string("id") + "\"}")
        .string("id");
    By row = By.id("method-" + methodId);
    waitUntil("the new card is shown", () -> !browser.findElements(row).isEmpty());
    WebElement card = browser.findElement(row);
    assertThat(card.getAttribute("data-preferred")).isEqualTo("true");
    assertThat(card.getText()).contains("✔", "Visa ···· 4242", "12/2030");
    assertThat(card.findElement(By.cssSelector("[aria-label=preferred]")).getText()).isEqualTo("✔");
    screenshot("1-card-preferred.png");

    browser.findElement(By.id("advance-year")).click();

    waitUntil("the renewal is shown", () -> state.getText().contains("Settle Pro (annual) renewed until 2028-01-30"));
    assertThat(browser.findElement(By.id("now")).getText()).isEqualTo("2027-11-26 09:30 UTC");
    assertThat(browser.findElement(By.id("status")).getText()).startsWith("Moved a year.");
    assertThat(browser.findElement(By.id("account-100002")).getText())
        .contains("Renewal: charge of EUR 119.00 for INV-2027-0008 to Visa ···· 4242: succeeded");
    screenshot("2-renewed-a-year-later.png");

    String page = browser.getPageSource();
    assertThat(page).doesNotContain(sandbox.apiKey(), "4242424242424242", "tok_", "whsec_");

    // The key is kept for the tab's session: a reload goes straight to the dashboard.
    browser.navigate().refresh();
    waitUntil("the dashboard is shown again", () -> browser.findElement(By.id("state")).getText().contains("Atelier Dupont"));
  }

  @Test
  void theButtonsWorkFromTheKeyboard() throws IOException {
    browser.get(sandbox.baseUrl().toString());
    browser.switchTo().activeElement().sendKeys(sandbox.apiKey() + Keys.ENTER);
    waitUntil("the accounts are shown", () -> browser.findElement(By.id("state")).getText().contains("Atelier Dupont"));

    // From the page's title, the first stops of the tab order are the clock's buttons.
    List<String> order = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      browser.switchTo().activeElement().sendKeys(Keys.TAB);
      order.add(browser.switchTo().activeElement().getAttribute("id"));
    }
    assertThat(order).containsExactly("advance-day", "advance-month", "advance-year", "reset");
    browser.findElement(By.id("advance-day")).sendKeys(Keys.ENTER);

    waitUntil("the clock moved a day", () -> browser.findElement(By.id("now")).getText().equals("2026-11-27 09:30 UTC"));
    assertThat(sandbox.clock().instant()).isEqualTo(Instant.parse("2026-11-27T09:30:00Z"));
    screenshot("3-keyboard.png");
  }

  private void waitUntil(String what, BooleanSupplier condition) {
    // The page replaces the state as it changes: an element read just before is stale, not wrong.
    new WebDriverWait(browser, SHOWN)
        .ignoring(StaleElementReferenceException.class)
        .withMessage(() -> what + "; the page shows: " + browser.findElement(By.tagName("body")).getText())
        .until(driver -> condition.getAsBoolean());
  }

  private void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path file = SCREENSHOTS.resolve(name);
    Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    System.out.println("Dashboard screenshot: " + file.toAbsolutePath());
  }
}
