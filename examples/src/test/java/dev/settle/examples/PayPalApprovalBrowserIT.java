package dev.settle.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.settle.AccountClient;
import dev.settle.exception.ConflictException;
import dev.settle.model.CustomerId;
import dev.settle.model.PaymentMethod;
import dev.settle.model.Portal;
import dev.settle.paypal.PayPal;
import dev.settle.paypal.PayPalAccount;
import dev.settle.paypal.PayPalSetup;
import dev.settle.paypal.PayPalSetupStatus;
import dev.settle.sandbox.HeadlessChromium;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The PayPal approval flow as the payer sees it: a merchant starts a setup, the payer's browser
 * (headless Chromium) opens the sandbox's approval page, the payer types an email and clicks
 * Approve or Cancel, and the browser follows the 303 back to the merchant's return or cancel page,
 * which here is a small JDK HTTP server that records what it was sent.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} ({@code .ci/run} installs
 * them). Without them the test is skipped, except on CI ({@code CI=true}), where it fails so that
 * it is never silently left out.
 */
class PayPalApprovalBrowserIT extends SandboxFixture {
  /** How long the browser may take to get back to the merchant after a click. */
  private static final Duration LANDING = Duration.ofSeconds(10);
  private static final String RETURN_PATH = "/paypal/return";
  private static final String CANCEL_PATH = "/paypal/cancelled";
  private static final String PAYER_EMAIL = "nordlicht.payer@example.com";

  /** The return and cancel pages the merchant was asked for, in order: path and raw query. */
  private final BlockingQueue<URI> merchantVisits = new LinkedBlockingQueue<>();
  private HttpServer merchant;
  private URI returnUrl;
  private URI cancelUrl;
  private HeadlessChromium chromium;
  private WebDriver browser;
  private AccountClient account;
  private PayPal paypal;

  @BeforeEach
  void merchantSiteAndBrowser() throws IOException {
    chromium = HeadlessChromium.start(LANDING);
    browser = chromium.browser();

    merchant = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    merchant.createContext("/", this::merchantPage);
    merchant.start();
    String site = "http://127.0.0.1:" + merchant.getAddress().getPort();
    // The merchant's own query must survive: the sandbox adds its parameters to it.
    returnUrl = URI.create(site + RETURN_PATH + "?order=42");
    cancelUrl = URI.create(site + CANCEL_PATH + "?order=42");

    account = settle.account(CustomerId.of("200001"));
    paypal = PayPal.of(account);
  }

  @AfterEach
  void closeBrowserAndMerchant() {
    try {
      if (chromium != null) {
        chromium.close();
      }
    } finally {
      if (merchant != null) {
        merchant.stop(0);
      }
    }
  }

  @Test
  void approvingSendsThePayerBackAndTheAccountCanBeStoredAndPreferred() throws InterruptedException {
    assertThat(account.get().portal()).isEqualTo(Portal.II);
    PaymentMethod mastercard = account.get().preferredPaymentMethod().orElseThrow();
    PayPalSetup setup = paypal.startSetup(returnUrl, cancelUrl);
    assertThat(setup.status()).isEqualTo(PayPalSetupStatus.PAYER_ACTION_REQUIRED);

    browser.get(setup.approvalUrl().toString());
    assertThat(browser.getTitle()).isEqualTo("PayPal sandbox — approve");
    assertThat(browser.findElement(By.tagName("body")).getText())
        .contains("Nordlicht Studio GmbH asks to save your PayPal account");
    WebElement email = browser.findElement(By.id("email"));
    assertThat(email.getDomProperty("value")).isEqualTo("buyer@example.com");
    email.clear();
    email.sendKeys(PAYER_EMAIL);
    browser.findElement(By.id("approve")).click();

    Map<String, String> query = landOn(RETURN_PATH);
    assertThat(query).containsEntry("order", "42")
        .containsEntry("approval_session_id", setup.id().value())
        .containsKey("approval_token_id");
    assertThat(query.get("approval_token_id")).isNotBlank();
    assertThat(paypal.setup(setup.id()).status()).isEqualTo(PayPalSetupStatus.APPROVED);

    PaymentMethod stored = paypal.complete(setup.id());
    assertThat(stored.kind()).isEqualTo("paypal");
    assertThat(stored.details(PayPalAccount.class).map(PayPalAccount::email)).hasValue(PAYER_EMAIL);
    // Portal II: a later method is not preferred unless asked; the Mastercard still is.
    assertThat(stored.preferred()).isFalse();
    assertThat(account.get().preferredPaymentMethod().map(PaymentMethod::id)).hasValue(mastercard.id());
    assertThat(paypal.setup(setup.id()).status()).isEqualTo(PayPalSetupStatus.COMPLETED);

    PaymentMethod preferred = account.paymentMethods().makePreferred(stored.id());
    assertThat(preferred.id()).isEqualTo(stored.id());
    assertThat(preferred.preferred()).isTrue();
    PaymentMethod accountPreferred = account.get().preferredPaymentMethod().orElseThrow();
    assertThat(accountPreferred.id()).isEqualTo(stored.id());
    assertThat(accountPreferred.details(PayPalAccount.class).map(PayPalAccount::email)).hasValue(PAYER_EMAIL);
  }

  @Test
  void cancellingSendsThePayerToTheCancelPageAndTheSetupCannotBeCompleted() throws InterruptedException {
    List<PaymentMethod> before = storedMethods();
    PayPalSetup setup = paypal.startSetup(returnUrl, cancelUrl);

    browser.get(setup.approvalUrl().toString());
    assertThat(browser.getTitle()).isEqualTo("PayPal sandbox — approve");
    browser.findElement(By.id("cancel")).click();

    Map<String, String> query = landOn(CANCEL_PATH);
    assertThat(query).containsEntry("order", "42")
        .containsEntry("approval_session_id", setup.id().value())
        .doesNotContainKey("approval_token_id");
    assertThat(paypal.setup(setup.id()).status()).isEqualTo(PayPalSetupStatus.CANCELLED);

    assertThatThrownBy(() -> paypal.complete(setup.id()))
        .isInstanceOfSatisfying(ConflictException.class, e -> {
          assertThat(e.code()).hasValue("setup_cancelled");
          assertThat(PayPalSetupStatus.ofRefusedCompletion(e)).hasValue(PayPalSetupStatus.CANCELLED);
        });
    assertThat(storedMethods()).isEqualTo(before);

    // A payer who goes back to the approval page is told the setup is over.
    browser.get(setup.approvalUrl().toString());
    assertThat(browser.getTitle()).isEqualTo("Setup cancelled");
    assertThat(browser.findElements(By.id("approve"))).isEmpty();
  }

  /**
   * Waits until the browser shows the merchant's page at {@code path}, and answers the query the
   * merchant received there, which must be the one in the browser's address bar.
   */
  private Map<String, String> landOn(String path) throws InterruptedException {
    String page = "http://127.0.0.1:" + merchant.getAddress().getPort() + path + "?";
    new WebDriverWait(browser, LANDING)
        .withMessage(() -> "the browser never reached " + page + "…; it is at " + browser.getCurrentUrl())
        .until(driver -> driver.getCurrentUrl().startsWith(page));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thanks");

    URI visit = merchantVisits.poll(LANDING.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(visit).as("the merchant's %s page was requested", path).isNotNull();
    assertThat(visit.getPath()).isEqualTo(path);
    assertThat(URI.create(browser.getCurrentUrl()).getRawQuery()).isEqualTo(visit.getRawQuery());
    assertThat(merchantVisits).as("one visit only").isEmpty();
    return query(visit.getRawQuery());
  }

  /** The merchant's return and cancel pages; anything else the browser asks for is 404. */
  private void merchantPage(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      boolean known = exchange.getRequestMethod().equals("GET")
          && (path.equals(RETURN_PATH) || path.equals(CANCEL_PATH));
      if (known) {
        merchantVisits.add(exchange.getRequestURI());
      }
      byte[] body = (known
          ? "<!DOCTYPE html><html><head><title>Thanks</title></head><body><h1>Thanks</h1>"
              + "<p>Back at the merchant.</p></body></html>"
          : "not found").getBytes(UTF_8);
      exchange.getResponseHeaders().set("Content-Type", known ? "text/html; charset=utf-8" : "text/plain");
      exchange.sendResponseHeaders(known ? 200 : 404, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private List<PaymentMethod> storedMethods() {
    return account.paymentMethods().list().stream().collect(Collectors.toList());
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), UTF_8);
      String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), UTF_8);
      assertThat(fields.put(name, value)).as("%s once in the query", name).isNull();
    }
    return fields;
  }
}
