package dev.settle.exception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.exception.ValidationException.Reason;
import dev.settle.exception.ValidationException.Violation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationExceptionTest {

  @Test
  void oneFieldReadsAsBeforeAndTheTwoArgumentFormSaysFormat() {
    ValidationException legacy = new ValidationException("setup_id", "Expected a PayPal setup id");

    assertThat(legacy).hasMessage("Expected a PayPal setup id (setup_id)")
        .isInstanceOf(SettleException.class);
    assertThat(legacy.param()).isEqualTo("setup_id");
    assertThat(legacy.reason()).isEqualTo(Reason.FORMAT);
    assertThat(legacy.violations())
        .containsExactly(new Violation("setup_id", Reason.FORMAT, "Expected a PayPal setup id"));
    assertThat(legacy.requestId()).isEmpty();

    ValidationException precise = new ValidationException("limit", Reason.RANGE, "A page holds 1 to 100");
    assertThat(precise).hasMessage("A page holds 1 to 100 (limit)");
    assertThat(precise.reason()).isEqualTo(Reason.RANGE);
  }

  @Test
  void severalFieldsAreAllListedAndTheFirstIsTheParam() {
    List<Violation> violations = new ArrayList<>(List.of(
        new Violation("number", Reason.CHECKSUM, "The card number is mistyped"),
        new Violation("exp_month", Reason.RANGE, "The month must be 1 to 12"),
        new Violation("exp_month", Reason.REQUIRED, "Another look at the month")));

    ValidationException e = new ValidationException(violations);
    violations.clear();

    assertThat(e.param()).isEqualTo("number");
    assertThat(e.reason()).isEqualTo(Reason.CHECKSUM);
    assertThat(e.violations()).hasSize(3);
    assertThat(e).hasMessage("2 fields were refused: The card number is mistyped (number); "
        + "The month must be 1 to 12 (exp_month); Another look at the month (exp_month)");
    assertThatThrownBy(() -> e.violations().add(new Violation("cvc", Reason.LENGTH, "x")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void twoViolationsOfOneFieldCountAsOneField() {
    ValidationException e = new ValidationException(List.of(
        new Violation("remittance_text", Reason.LENGTH, "Too long"),
        new Violation("remittance_text", Reason.CONFLICT, "Not with a reference")));

    assertThat(e).hasMessage(
        "1 field was refused: Too long (remittance_text); Not with a reference (remittance_text)");
  }

  @Test
  void thereIsAlwaysAViolationAndEachHasEveryPart() {
    assertThatThrownBy(() -> new ValidationException(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Violation(null, Reason.FORMAT, "m"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.param()).isEqualTo("param"));
    assertThatThrownBy(() -> new Violation("p", null, "m"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.param()).isEqualTo("reason"));
    assertThatThrownBy(() -> new Violation("p", Reason.FORMAT, null))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.param()).isEqualTo("message"));
    assertThat(new Violation("cvc", Reason.LENGTH, "The CVC has 3 digits"))
        .hasToString("The CVC has 3 digits (cvc)");
  }
}
