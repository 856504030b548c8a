package dev.settle.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.exception.ValidationException.Reason;
import dev.settle.exception.ValidationException;
import org.junit.jupiter.api.Test;

class IdsTest {
  @Test
  void customerNumbersAreSixToTwelveDigits() {
    assertThat(CustomerId.of("100001").value()).isEqualTo("100001");
    assertThat(CustomerId.of("123456789012")).isEqualTo(CustomerId.of("123456789012"));
    for (String bad : new String[] {"12345", "1234567890123", "10000a", " 100001", "", null}) {
      assertThatThrownBy(() -> CustomerId.of(bad))
          .isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.param()).isEqualTo("customer_id");
            assertThat(e.reason()).isEqualTo(bad == null ? Reason.REQUIRED : Reason.FORMAT);
          });
    }
  }

  @Test
  void serverIdsNeedTheirPrefix() {
    assertThat(InvoiceId.of("in_1A").toString()).isEqualTo("in_1A");
    assertThat(PaymentMethodId.of("pm_x9")).isEqualTo(PaymentMethodId.of("pm_x9"));
    assertThat(LicenseId.of("lic_7").value()).isEqualTo("lic_7");
    for (String bad : new String[] {"pm_1", "in_", "in_a/b", "in_" + "a".repeat(65), "../in_1", null}) {
      assertThatThrownBy(() -> InvoiceId.of(bad))
          .isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.param()).isEqualTo("invoice_id");
            assertThat(e.reason()).isEqualTo(bad == null ? Reason.REQUIRED
                : bad.equals("in_") || bad.length() > 60 ? Reason.LENGTH : Reason.FORMAT);
          });
    }
  }
}
