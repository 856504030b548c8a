package dev.settle.banktransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.exception.ValidationException;
import org.junit.jupiter.api.Test;

class BankTransferInstructionsTest {
  @Test
  void printsTheFieldsAsAPersonCopiesThem() {
    BankTransferInstructions instructions =
        EpcQrCodeTest.instructions(11900, "EUR", "Settle Software GmbH");

    assertThat(instructions.toPrintable()).isEqualTo(
        "Payee:     Settle Software GmbH\n"
            + "IBAN:      DE89 3704 0044 0532 0130 00\n"
            + "BIC:       COBADEFFXXX\n"
            + "Amount:    EUR 119.00\n"
            + "Reference: RF18 5390 0754 7034\n");
  }

  @Test
  void toStringIsOneLineWithThePrintableForms() {
    BankTransferInstructions instructions =
        EpcQrCodeTest.instructions(11900, "EUR", "Settle Software GmbH");

    assertThat(instructions.toString()).isEqualTo(
        "BankTransferInstructions{invoiceId=in_1Q2w3E, payee=Settle Software GmbH, "
            + "iban=DE89 3704 0044 0532 0130 00, bic=COBADEFFXXX, amount=EUR 119.00, "
            + "reference=RF18 5390 0754 7034}");
  }

  @Test
  void offersAQrCodeForEurosOnly() {
    assertThat(EpcQrCodeTest.instructions(11900, "EUR", "A").hasEpcQrCode()).isTrue();
    assertThat(EpcQrCodeTest.instructions(11900, "EUR", "A").epcQrCode().payload())
        .startsWith("BCD\n");
    assertThat(EpcQrCodeTest.instructions(11900, "CHF", "A").hasEpcQrCode()).isFalse();
  }

  @Test
  void aBlankPayeeNameIsRefused() {
    assertThatThrownBy(() -> EpcQrCodeTest.instructions(11900, "EUR", " "))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.param()).isEqualTo("name"));
  }
}
