package dev.settle.paypal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.exception.ValidationException;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The PayPal module's values: ids, approvals, accounts and setups built by hand. */
class PayPalValuesTest {

  @Test
  void aSetupIdKeepsTheServersSpelling() {
    PayPalSetupId id = PayPalSetupId.of("pps_8Kd2Lm4QxT");

    assertThat(id.value()).isEqualTo("pps_8Kd2Lm4QxT");
    assertThat(id).hasToString("pps_8Kd2Lm4QxT").isEqualTo(PayPalSetupId.of("pps_8Kd2Lm4QxT"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"pps_", "pm_8Kd2Lm4QxT", "PPS_8Kd2", "pps_8Kd2/../../x", "pps_8Kd2 ",
      "pps_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
  void refusesAnythingButASetupId(String value) {
    assertThatThrownBy(() -> PayPalSetupId.of(value))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.param()).isEqualTo("setup_id");
          assertThat(e.getMessage()).contains("pps_…");
        });
  }

  @Test
  void anApprovalIsPayPalInputForItsSetup() {
    PayPalApproval approval = PayPalApproval.of(PayPalSetupId.of("pps_1"));

    assertThat(approval.kind()).isEqualTo("paypal");
    assertThat(approval.setupId()).isEqualTo(PayPalSetupId.of("pps_1"));
    assertThat(approval).isEqualTo(PayPalApproval.of(PayPalSetupId.of("pps_1")));
    assertThat(approval.toString()).contains("pps_1");
    assertThatThrownBy(() -> PayPalApproval.of(null))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.reason()).isEqualTo(ValidationException.Reason.REQUIRED);
          assertThat(e.param()).isEqualTo("setupId");
        });
  }

  @Test
  void aPayPalAccountShowsItsEmailAndPayerId() {
    PayPalAccount account =
        PayPalAccount.builder().email("camille@example.com").payerId("7XRNGHV24HQL4").build();

    assertThat(account.kind()).isEqualTo("paypal");
    assertThat(account.toString()).contains("camille@example.com", "7XRNGHV24HQL4");
  }

  @Test
  void aPayPalAccountBuiltByHandKeepsTheContract() {
    assertThatThrownBy(() -> PayPalAccount.builder().email("c@example.com").payerId("x").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("payerId must be 13 characters from [2-9A-HJ-NP-Z]");
    assertThatThrownBy(() -> PayPalAccount.builder().email("").payerId("7XRNGHV24HQL4").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("email must not be blank");
  }

  @Test
  void aSetupCanBeBuiltByHandForTests() {
    PayPalSetup setup =
        PayPalSetup.builder()
            .id(PayPalSetupId.of("pps_1"))
            .status(PayPalSetupStatus.APPROVED)
            .approvalUrl(URI.create("https://www.sandbox.paypal.com/agreements/approve"))
            .expiresAt(Instant.parse("2030-06-15T15:00:00Z"))
            .createdAt(Instant.parse("2030-06-15T12:00:00Z"))
            .build();

    assertThat(setup.status().canComplete()).isTrue();
    assertThatThrownBy(() -> PayPalSetup.builder().id(PayPalSetupId.of("pps_1")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("status");
  }

  @Test
  void onlyAnApprovedSetupCanBeCompletedAndOnlyEndedOnesAreFinal() {
    assertThat(PayPalSetupStatus.values())
        .filteredOn(PayPalSetupStatus::canComplete)
        .containsExactly(PayPalSetupStatus.APPROVED);
    assertThat(PayPalSetupStatus.values())
        .filteredOn(PayPalSetupStatus::isFinal)
        .containsExactly(
            PayPalSetupStatus.CANCELLED, PayPalSetupStatus.EXPIRED, PayPalSetupStatus.COMPLETED);
    assertThat(PayPalSetupStatus.fromWireName("approved")).isEqualTo(PayPalSetupStatus.APPROVED);
    assertThat(PayPalSetupStatus.fromWireName("APPROVED")).isEqualTo(PayPalSetupStatus.UNKNOWN);
  }
}
