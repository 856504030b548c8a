package dev.settle.sandbox;

import dev.settle.sandbox.SettleSandbox.Portal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sandbox's state objects. They are mutable and unsynchronized: only the rule classes touch
 * them, always while holding the one lock of {@link BillingState}.
 */
final class Model {
  private Model() {}

  enum InvoiceStatus {
    OPEN, PAID, VOID, UNCOLLECTIBLE;

    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  enum PaymentStatus {
    SUCCEEDED, FAILED, REQUIRES_ACTION;

    /** Whether the payment will not change again: it no longer waits for the customer. */
    boolean isFinal() {
      return this != REQUIRES_ACTION;
    }

    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  enum LicenseStatus {
    PURCHASED, ACTIVE, RENEWAL_FAILED, PAST_DUE, SUSPENDED, EXPIRED;

    /** Active, or in one of the stages of an unpaid renewal: it renews and is dunned. */
    boolean isRunning() {
      return this == ACTIVE || this == RENEWAL_FAILED || this == PAST_DUE || this == SUSPENDED;
    }

    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One line of an account's history as the dashboard shows it: a payment attempt, a renewal, a
   * transfer. New kinds of step (dunning's retries, say) are new {@code kind}s, nothing more.
   *
   * @param sequence the order of writing, which breaks ties between entries of the same instant
   */
  record TimelineEntry(Instant at, long sequence, String kind, String text) {}

  enum PayPalSetupStatus {
    PAYER_ACTION_REQUIRED, APPROVED, CANCELLED, EXPIRED, COMPLETED;

    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What may be known of a card after tokenization: never its number or CVC. */
  record CardFacts(Cards.Brand brand, String last4, int expMonth, int expYear, String holderName,
      Cards.Behavior behavior) {}

  /** A PayPal account the payer approved: the email they gave and PayPal's id for them. */
  record PayPalFacts(String email, String payerId) {
    /** The sandbox's test payer whose every charge PayPal declines. */
    static final String DECLINING_EMAIL = "decline@example.com";

    boolean declinesCharges() {
      return email.equalsIgnoreCase(DECLINING_EMAIL);
    }
  }

  static final class Account {
    final String customerId;
    final Portal portal;
    final String name;
    final String email;
    final String currency;
    final Instant createdAt;
    final Map<String, PaymentMethod> paymentMethods = new LinkedHashMap<>();
    String preferredPaymentMethodId;
    final Map<String, Invoice> invoices = new LinkedHashMap<>();
    final Map<String, License> licenses = new LinkedHashMap<>();
    final List<TimelineEntry> timeline = new ArrayList<>();

    Account(String customerId, Portal portal, String name, String email, String currency, Instant createdAt) {
      this.customerId = customerId;
      this.portal = portal;
      this.name = name;
      this.email = email;
      this.currency = currency;
      this.createdAt = createdAt;
    }

    PaymentMethod preferred() {
      return preferredPaymentMethodId == null ? null : paymentMethods.get(preferredPaymentMethodId);
    }
  }

  /** A stored method: exactly one of {@code card} and {@code paypal} is set. */
  static final class PaymentMethod {
    final String id;
    final long sequence;
    final Instant createdAt;
    final CardFacts card;
    final PayPalFacts paypal;
    /** Saved with the authentication its bank asked for, or none was asked: chargeable without the customer. */
    final boolean usableOffSession;
    /** How many times it was charged, for test cards that decline only their first charges. */
    int charges;

    PaymentMethod(String id, long sequence, Instant createdAt, CardFacts card, PayPalFacts paypal,
        boolean usableOffSession) {
      this.id = id;
      this.sequence = sequence;
      this.createdAt = createdAt;
      this.card = card;
      this.paypal = paypal;
      this.usableOffSession = usableOffSession;
    }

    String type() {
      return card != null ? "card" : "paypal";
    }

    /** {@code Visa ···· 4242} or {@code PayPal buyer@example.com}: never more of a card. */
    String label() {
      return card != null ? card.brand().displayName + " ···· " + card.last4() : "PayPal " + paypal.email();
    }
  }

  record InvoiceLine(String description, long amount, String licenseId) {}

  static final class Invoice {
    final String id;
    final long sequence;
    final String customerId;
    final String number;
    final String currency;
    final List<InvoiceLine> lines;
    final long total;
    final Instant issuedAt;
    final Instant dueAt;
    final String paymentReference;
    InvoiceStatus status = InvoiceStatus.OPEN;
    InvoiceDraft.Collection collection = InvoiceDraft.Collection.MANUAL;
    /** The license this invoice renews, or null for any other invoice. */
    String renewalOf;
    long amountPaid;
    Instant paidAt;
    /** When an automatic invoice is first charged; null once it was, or for a manual one. */
    Instant collectAt;
    /** The charges the billing system made by itself. */
    int attemptCount;
    /** The method the billing system charged last, which a new preferred method must differ from. */
    String lastTriedMethodId;
    /** Retries and stages after the first failed automatic charge; null before one. */
    Dunning dunning;

    Invoice(String id, long sequence, String customerId, String number, String currency, List<InvoiceLine> lines,
        Instant issuedAt, Instant dueAt) {
      this.id = id;
      this.sequence = sequence;
      this.customerId = customerId;
      this.number = number;
      this.currency = currency;
      this.lines = List.copyOf(lines);
      this.total = lines.stream().mapToLong(InvoiceLine::amount).sum();
      this.issuedAt = issuedAt;
      this.dueAt = dueAt;
      this.paymentReference = CreditorReference.of(number);
    }

    long amountDue() {
      return total - amountPaid;
    }

    void markPaid(Instant when) {
      status = InvoiceStatus.PAID;
      amountPaid = total;
      paidAt = when;
    }

    /** When the billing system charges it next by itself; null when nothing is planned. */
    Instant nextPaymentAttempt() {
      if (status != InvoiceStatus.OPEN || collection != InvoiceDraft.Collection.AUTOMATIC) {
        return null;
      }
      return dunning == null ? collectAt : dunning.nextRetry();
    }
  }

  static final class License {
    final String id;
    final long sequence;
    final String product;
    final long price;
    final String currency;
    final Instant createdAt;
    LicenseStatus status;
    int seats = 1;
    boolean autoRenewal;
    Instant activatedAt;
    /** The years the license runs for from its activation: 1 until its first renewal. */
    int years;
    Instant renewsAt;
    String lastRenewalInvoiceId;

    License(String id, long sequence, String product, long price, String currency, Instant createdAt) {
      this.id = id;
      this.sequence = sequence;
      this.product = product;
      this.price = price;
      this.currency = currency;
      this.createdAt = createdAt;
      this.status = LicenseStatus.PURCHASED;
    }
  }

  /** A single-use token of a card or of an approved PayPal account: one of the two is set. */
  static final class Token {
    final String id;
    final Instant createdAt;
    final CardFacts card;
    final PayPalFacts paypal;
    /** The card or PayPal setup that made it, completed when it is attached; null for a plain card token. */
    final String setupId;
    boolean used;

    Token(String id, Instant createdAt, CardFacts card, PayPalFacts paypal, String setupId) {
      this.id = id;
      this.createdAt = createdAt;
      this.card = card;
      this.paypal = paypal;
      this.setupId = setupId;
    }

    /** Stored from this token, the method is chargeable without the customer. */
    boolean usableOffSession() {
      return card == null || setupId != null || !card.behavior().asksToAuthenticateSetup();
    }

    String type() {
      return card != null ? "card" : "paypal";
    }
  }

  /**
   * Saving a PayPal account, as PayPal's vault setup tokens do it: the payer approves at the
   * approval page, then the merchant completes the setup into a token to attach.
   */
  static final class PayPalSetup {
    final String id;
    final String customerId;
    final String returnUrl;
    final String cancelUrl;
    final Instant createdAt;
    final Instant expiresAt;
    PayPalSetupStatus status = PayPalSetupStatus.PAYER_ACTION_REQUIRED;
    PayPalFacts payer;
    String approvalTokenId;
    /** The token a completion gave, answered again until it is attached. */
    String tokenId;

    PayPalSetup(String id, String customerId, String returnUrl, String cancelUrl, Instant createdAt,
        Instant expiresAt) {
      this.id = id;
      this.customerId = customerId;
      this.returnUrl = returnUrl;
      this.cancelUrl = cancelUrl;
      this.createdAt = createdAt;
      this.expiresAt = expiresAt;
    }

    /** A setup the payer has not answered expires with its lifetime; answered ones keep their status. */
    PayPalSetupStatus statusAt(Instant now) {
      return status == PayPalSetupStatus.PAYER_ACTION_REQUIRED && !now.isBefore(expiresAt)
          ? PayPalSetupStatus.EXPIRED
          : status;
    }
  }

  enum CardSetupStatus {
    REQUIRES_ACTION, SUCCEEDED, FAILED;

    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Saving a card whose bank asks the customer to authenticate first, as a Stripe SetupIntent:
   * the card token it was made from is spent; once the customer authenticated, it answers a token
   * of its own, which stores the card as usable without the customer.
   */
  static final class CardSetup {
    final String id;
    final String customerId;
    final CardFacts card;
    final String returnUrl;
    final Instant createdAt;
    CardSetupStatus status = CardSetupStatus.REQUIRES_ACTION;
    /** The token it answers once succeeded. */
    String tokenId;

    CardSetup(String id, String customerId, CardFacts card, String returnUrl, Instant createdAt) {
      this.id = id;
      this.customerId = customerId;
      this.card = card;
      this.returnUrl = returnUrl;
      this.createdAt = createdAt;
    }
  }

  /**
   * Handed out when a method is removed: attached to the same account within {@link #LIFETIME},
   * once, it puts the very same method back (same id and card facts, no new card check).
   */
  static final class RestoreToken {
    static final java.time.Duration LIFETIME = java.time.Duration.ofHours(1);

    final String id;
    final String customerId;
    final Instant createdAt;
    final PaymentMethod method;
    boolean used;

    RestoreToken(String id, String customerId, Instant createdAt, PaymentMethod method) {
      this.id = id;
      this.customerId = customerId;
      this.createdAt = createdAt;
      this.method = method;
    }

    boolean expiredAt(Instant now) {
      return now.isAfter(createdAt.plus(LIFETIME));
    }
  }

  static final class Payment {
    final String id;
    final long sequence;
    final String customerId;
    final String invoiceId;
    final long amount;
    final String currency;
    final String paymentMethodId;
    final Instant createdAt;
    PaymentStatus status;
    /** Why a failed payment failed; null for a customer who failed to authenticate. */
    Cards.Decline decline;
    String declineCode;
    String failureMessage;
    String nextActionUrl;
    /** Where the bank's page sends the customer back; null when the payer gave none. */
    String returnUrl;

    Payment(String id, long sequence, String customerId, String invoiceId, long amount, String currency,
        String paymentMethodId, Instant createdAt) {
      this.id = id;
      this.sequence = sequence;
      this.customerId = customerId;
      this.invoiceId = invoiceId;
      this.amount = amount;
      this.currency = currency;
      this.paymentMethodId = paymentMethodId;
      this.createdAt = createdAt;
    }
  }
}
