package dev.settle.sandbox;

import static dev.settle.exception.ValidationException.required;

import dev.settle.sandbox.SettleSandbox.Portal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The Java form of the sandbox's controls, which {@link SettleSandbox} offers: accounts, invoices
 * and licenses made to order, the PayPal payer's and the bank's side, and the webhook deliveries.
 * Each calls the same rule as its HTTP control under {@code /sandbox/}, and turns its refusals
 * into the exceptions a Java method throws. Kept apart from the server's lifecycle, which is
 * {@link SettleSandbox}'s own.
 */
abstract class SandboxFixtures {
  SandboxFixtures() {}

  abstract Billing billing();

  abstract WebhookDispatcher webhooks();

  /** {@return the dunning schedule in force: the builder's, or the one set since the last reset} */
  public DunningSchedule dunningSchedule() {
    return billing().collections().schedule();
  }

  /**
   * Sets the dunning schedule for dunnings that start from now on (those under way keep theirs),
   * until the next {@linkplain SettleSandbox#reset() reset}. Over HTTP: {@code POST /sandbox/dunning}.
   *
   * @param schedule the retries and the suspension
   */
  public void dunningSchedule(DunningSchedule schedule) {
    billing().collections().schedule(required(schedule, "schedule"));
  }

  /**
   * {@return every webhook delivery since the sandbox was built or last {@linkplain
   * SettleSandbox#reset() reset}, one per event and endpoint, in the order the events happened, as
   * they stand now (a snapshot)}
   */
  public List<WebhookDelivery> webhookDeliveries() {
    return webhooks().snapshot();
  }

  /**
   * Waits until at least {@code count} webhook deliveries are finished (delivered, failed after
   * every attempt, or cancelled), then answers {@link #webhookDeliveries()}. Deliveries run on
   * their own threads; this is how a test waits for them without sleeping.
   *
   * @param count how many finished deliveries to wait for
   * @param timeout how long to wait at most
   * @return the deliveries, a snapshot
   * @throws IllegalStateException if fewer are finished when {@code timeout} has passed; the
   *     message lists the deliveries as they stood
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public List<WebhookDelivery> awaitDeliveries(int count, Duration timeout) throws InterruptedException {
    return webhooks().await(count, required(timeout, "timeout"));
  }

  /**
   * Creates an account with nothing stored, for tests that need one beyond the demo accounts; its
   * customer id is the next free one from 900001. Over HTTP: {@code POST /sandbox/accounts}.
   *
   * @param portal the portal the account lives on
   * @param name the customer's name
   * @param currency an upper-case ISO 4217 code, such as {@code EUR} or {@code JPY}
   * @return the new account's customer id
   * @throws IllegalArgumentException for a blank name or an unknown currency
   */
  public String createAccount(Portal portal, String name, String currency) {
    required(portal, "portal");
    required(name, "name");
    required(currency, "currency");
    return createAccount(null, portal, name, currency);
  }

  /**
   * Creates an account under a customer id of the caller's choosing, as {@link
   * #createAccount(Portal, String, String)} does otherwise.
   *
   * @param customerId 6 to 12 digits, not taken; null for the next free one
   * @param portal the portal the account lives on
   * @param name the customer's name
   * @param currency an upper-case ISO 4217 code
   * @return the new account's customer id
   * @throws IllegalArgumentException for a malformed customer id, a blank name or an unknown currency
   * @throws IllegalStateException if an account has that customer id already
   */
  public String createAccount(@Nullable String customerId, Portal portal, String name, String currency) {
    required(portal, "portal");
    required(name, "name");
    required(currency, "currency");
    return (String) javaHelper(() -> billing().accounts().create(customerId, portal, name, currency, null))
        .get("customer_id");
  }

  /**
   * Issues an open invoice of one line on an account, due in 30 days, collected by hand.
   *
   * @param customerId the account's customer id
   * @param amountMinor the amount in the account currency's minor units (cents for EUR)
   * @param description the invoice line's text
   * @return the new invoice's id
   * @throws IllegalArgumentException for an unknown account, an amount that is not positive or a
   *     blank description
   */
  public String createInvoice(String customerId, long amountMinor, String description) {
    required(customerId, "customerId");
    required(description, "description");
    return createInvoice(customerId, invoice -> invoice.line(description, amountMinor));
  }

  /**
   * Issues an open invoice on an account, as {@code invoice} describes it (see {@link
   * InvoiceDraft}). Over HTTP: {@code POST /sandbox/accounts/{customer_id}/invoices}.
   *
   * @param customerId the account's customer id
   * @param invoice fills in the draft: lines, currency, due date, how it is collected
   * @return the new invoice's id
   * @throws IllegalArgumentException for an unknown account, no line or more than 100, a blank
   *     description, an amount that is not positive, an unknown currency or a due date passed
   */
  public String createInvoice(String customerId, Consumer<InvoiceDraft> invoice) {
    required(customerId, "customerId");
    InvoiceDraft draft = new InvoiceDraft();
    required(invoice, "invoice").accept(draft);
    return (String) javaHelper(() -> billing().invoices().create(customerId, List.copyOf(draft.lines), draft.currency,
        draft.dueAt, draft.collection)).get("id");
  }

  /**
   * Sells a license on an account, in its currency, with automatic renewal on. Over HTTP: {@code
   * POST /sandbox/accounts/{customer_id}/licenses}.
   *
   * @param customerId the account's customer id
   * @param product the product's name
   * @param seats how many seats it covers
   * @param yearlyPriceMinor what each renewal charges, in minor units
   * @param renewsAt its next renewal, later than the sandbox's now and at most a year later (the
   *     license is active, as activated a year before it); null for a license bought but not yet
   *     activated
   * @return the new license's id
   * @throws IllegalArgumentException for an unknown account, a blank product, seats or a price
   *     that are not positive, or a renewal date out of range
   */
  public String createLicense(String customerId, String product, int seats, long yearlyPriceMinor,
      @Nullable Instant renewsAt) {
    required(customerId, "customerId");
    required(product, "product");
    return (String) javaHelper(() -> billing().licenses().create(customerId, product, seats, yearlyPriceMinor,
        renewsAt, true)).get("id");
  }

  /**
   * Test helper: approves a PayPal setup as the payer would on its approval page, without a
   * browser. The setup is then {@code approved} with this email and a generated payer id, ready
   * for {@code POST …/paypal_setups/{id}/complete}. Approving an approved setup again changes
   * nothing.
   *
   * <p>The sandbox's test payer {@code decline@example.com} is approved like any other, but every
   * charge to the PayPal account saved from it declines.
   *
   * @param setupId the setup's id ({@code pps_…}), as {@code POST …/paypal_setups} answered it
   * @param email the payer's PayPal email, such as {@code buyer@example.com}
   * @return where the payer's browser would be sent: the setup's {@code return_url} with
   *     {@code approval_session_id} (the setup id) and {@code approval_token_id}
   * @throws IllegalArgumentException for an unknown setup or an email without an {@code @}
   * @throws IllegalStateException if the setup is expired, cancelled or completed
   */
  public URI approvePayPalSetup(String setupId, String email) {
    required(setupId, "setupId");
    required(email, "email");
    return URI.create(javaHelper(() -> billing().payPal().approveAsPayer(setupId, email)));
  }

  /**
   * Test helper: cancels a PayPal setup as the payer would with the approval page's Cancel
   * button. The setup is then {@code cancelled}; completing it fails with {@code setup_cancelled}.
   *
   * @param setupId the setup's id ({@code pps_…})
   * @return where the payer's browser would be sent: the setup's {@code cancel_url} with
   *     {@code approval_session_id} (the setup id)
   * @throws IllegalArgumentException for an unknown setup
   * @throws IllegalStateException if the setup is approved, expired or completed
   */
  public URI cancelPayPalSetup(String setupId) {
    required(setupId, "setupId");
    return URI.create(javaHelper(() -> billing().payPal().cancelAsPayer(setupId)));
  }

  /**
   * Test helper: an incoming bank transfer arrives, as the payee's bank would report it. It is
   * matched to the invoice whose payment reference ({@code RF…}) it quotes, ignoring spaces and
   * case. On an open invoice in its currency, the part applied is recorded as a succeeded payment
   * of the invoice with no {@code payment_method_id}, made at the value date; partial transfers
   * add up, and a renewal invoice paid this way brings its license back to {@code active}. The
   * receipt's {@link TransferReceipt.Outcome} says what became of it; every transfer is kept,
   * listed by {@link #transfers()}. Over HTTP: {@code POST /sandbox/transfers}.
   *
   * @param amountMinor the amount received, in minor units of {@code currency}; positive
   * @param currency an upper-case ISO 4217 code, such as {@code EUR}
   * @param reference the remittance information, at most 140 characters, such as
   *     {@code RF75 INV2 0260 006}
   * @param valueDate when the money was credited: not later than the sandbox clock's now; null
   *     for now
   * @return what became of the transfer
   * @throws IllegalArgumentException for an amount that is not positive, an unknown currency, a
   *     blank or longer reference, or a value date in the sandbox's future
   */
  public TransferReceipt receiveTransfer(long amountMinor, String currency, String reference,
      @Nullable Instant valueDate) {
    required(currency, "currency");
    required(reference, "reference");
    return billing().transfers().receiveFromJava(amountMinor, currency, reference, valueDate);
  }

  /**
   * Test helper: {@link #receiveTransfer(long, String, String, Instant)} with the value date now.
   *
   * @param amountMinor the amount received, in minor units of {@code currency}; positive
   * @param currency an upper-case ISO 4217 code
   * @param reference the remittance information, such as {@code RF75 INV2 0260 006}
   * @return what became of the transfer
   */
  public TransferReceipt receiveTransfer(long amountMinor, String currency, String reference) {
    return receiveTransfer(amountMinor, currency, reference, null);
  }

  /**
   * {@return every transfer received since the sandbox was built or last {@linkplain
   * SettleSandbox#reset() reset}, in the order received, matched or not} Over HTTP: {@code GET
   * /sandbox/transfers}.
   */
  public List<TransferReceipt> transfers() {
    return billing().transfers().all();
  }

  /** Runs a rule for a Java caller: its refusals as the exceptions a Java method throws. */
  private static <T> T javaHelper(Supplier<T> rule) {
    try {
      return rule.get();
    } catch (ApiError refused) {
      throw refused.forJava();
    }
  }
}
