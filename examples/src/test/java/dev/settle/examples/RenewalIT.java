package dev.settle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.AccountClient;
import dev.settle.model.CustomerId;
import dev.settle.model.Invoice;
import dev.settle.model.InvoiceId;
import dev.settle.model.InvoiceLine;
import dev.settle.model.InvoiceStatus;
import dev.settle.model.License;
import dev.settle.model.LicenseId;
import dev.settle.model.LicenseStatus;
import dev.settle.model.Payment;
import dev.settle.model.PaymentMethod;
import dev.settle.model.PaymentMethodId;
import dev.settle.model.PaymentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Automatic renewal over several simulated years: each year exactly one renewal invoice, charged
 * once to the method that is preferred at that moment.
 */
class RenewalIT extends SandboxFixture {
  private static final LicenseId LICENSE = LicenseId.of("lic_demo200001");
  private AccountClient account;
  private Instant start;

  @BeforeEach
  void portalTwoAccount() {
    account = settle.account(CustomerId.of("200001"));
    start = sandbox.clock().instant();
  }

  /** Moves the sandbox clock just past the license's next renewal date. */
  private License advancePastRenewal() {
    License license = account.licenses().get(LICENSE);
    Duration untilRenewal = Duration.between(sandbox.clock().instant(), license.renewsAt().orElseThrow());
    sandbox.clock().advance(untilRenewal.plusHours(1));
    return account.licenses().get(LICENSE);
  }

  /** The license's invoices issued since the test started: its renewals. */
  private List<Invoice> renewalInvoices() {
    return account.invoices().list().stream()
        .filter(invoice -> invoice.issuedAt().isAfter(start))
        .filter(invoice -> invoice.lines().stream().map(InvoiceLine::licenseId)
            .anyMatch(id -> id.equals(java.util.Optional.of(LICENSE))))
        .collect(Collectors.toList());
  }

  private List<Payment> payments(InvoiceId invoice) {
    return account.invoices().payments(invoice).stream().collect(Collectors.toList());
  }

  @Test
  void eachYearChargesTheMethodPreferredAtThatTimeExactlyOnce() {
    PaymentMethodId mastercard = account.get().preferredPaymentMethod().orElseThrow().id();

    License first = advancePastRenewal();
    InvoiceId firstInvoice = first.lastRenewalInvoiceId().orElseThrow();
    assertThat(first.status()).isEqualTo(LicenseStatus.ACTIVE);
    assertThat(account.invoices().get(firstInvoice).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(payments(firstInvoice)).singleElement().satisfies(p -> {
      assertThat(p.status()).isEqualTo(PaymentStatus.SUCCEEDED);
      assertThat(p.paymentMethodId()).hasValue(mastercard);
      assertThat(p.amount()).isEqualTo(first.price());
    });

    PaymentMethod visa = account.paymentMethods().switchPreferred(SandboxErrorsIT.card("4242424242424242"));
    for (int year = 2; year <= 3; year++) {
      License renewed = advancePastRenewal();
      InvoiceId invoice = renewed.lastRenewalInvoiceId().orElseThrow();
      assertThat(invoice).isNotEqualTo(firstInvoice);
      assertThat(renewed.status()).isEqualTo(LicenseStatus.ACTIVE);
      assertThat(payments(invoice)).singleElement()
          .satisfies(p -> assertThat(p.paymentMethodId()).hasValue(visa.id()));
    }

    assertThat(renewalInvoices()).hasSize(3).allSatisfy(i -> assertThat(i.status()).isEqualTo(InvoiceStatus.PAID));
  }

  @Test
  void movingThreeYearsAtOnceIssuesThreeRenewals() {
    License before = account.licenses().get(LICENSE);

    sandbox.clock().advance(Duration.between(sandbox.clock().instant(), before.renewsAt().orElseThrow())
        .plusDays(2 * 365 + 1).plusHours(1));

    License after = account.licenses().get(LICENSE);
    assertThat(renewalInvoices()).hasSize(3);
    assertThat(after.renewsAt().orElseThrow()).isAfter(before.renewsAt().orElseThrow().plus(Duration.ofDays(3 * 365 - 1)));
  }

  @Test
  void withoutAPreferredMethodTheRenewalStaysOpenUntilAMethodIsStored() {
    PaymentMethod mastercard = account.get().preferredPaymentMethod().orElseThrow();
    account.paymentMethods().remove(mastercard.id());
    assertThat(account.get().preferredPaymentMethod()).isEmpty();
    assertThat(account.licenses().setAutoRenewal(LICENSE, true).warnings())
        .containsExactly("no_preferred_payment_method");

    License failed = advancePastRenewal();

    assertThat(failed.status()).isEqualTo(LicenseStatus.RENEWAL_FAILED);
    InvoiceId open = failed.lastRenewalInvoiceId().orElseThrow();
    assertThat(account.invoices().get(open).status()).isEqualTo(InvoiceStatus.OPEN);

    // The first method stored becomes preferred, and is tried at once for the unpaid renewal.
    PaymentMethod added = account.paymentMethods().add(SandboxErrorsIT.card("5555555555554444"));
    assertThat(account.invoices().get(open).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(payments(open)).singleElement().satisfies(p -> {
      assertThat(p.status()).isEqualTo(PaymentStatus.SUCCEEDED);
      assertThat(p.paymentMethodId()).hasValue(added.id());
    });
    assertThat(account.licenses().get(LICENSE).status()).isEqualTo(LicenseStatus.ACTIVE);
    assertThat(account.licenses().get(LICENSE).warnings()).isEmpty();
  }

  @Test
  void aDecliningPreferredCardLeavesTheRenewalFailed() {
    account.paymentMethods().switchPreferred(SandboxErrorsIT.card("4000000000000341"));

    License failed = advancePastRenewal();

    assertThat(failed.status()).isEqualTo(LicenseStatus.RENEWAL_FAILED);
    assertThat(payments(failed.lastRenewalInvoiceId().orElseThrow())).singleElement().satisfies(p -> {
      assertThat(p.status()).isEqualTo(PaymentStatus.FAILED);
      assertThat(p.declineCode()).hasValue("generic_decline");
    });
  }

  @Test
  void aLicenseWithoutAutomaticRenewalExpires() {
    account.licenses().setAutoRenewal(LICENSE, false);

    sandbox.clock().advance(Duration.ofDays(400));

    assertThat(account.licenses().get(LICENSE).status()).isEqualTo(LicenseStatus.EXPIRED);
    assertThat(renewalInvoices()).isEmpty();
  }

  @Test
  void aPurchasedLicenseIsActivated() {
    AccountClient portalOne = settle.account(CustomerId.of("100002"));
    LicenseId purchased = LicenseId.of("lic_demo100002");
    assertThat(portalOne.licenses().get(purchased).status()).isEqualTo(LicenseStatus.PURCHASED);

    License active = portalOne.licenses().activate(purchased);

    assertThat(active.status()).isEqualTo(LicenseStatus.ACTIVE);
    assertThat(active.activatedAt()).isPresent();
    assertThat(active.renewsAt()).isPresent();
    assertThat(portalOne.licenses().list().stream().map(License::id)).contains(purchased);
  }
}
