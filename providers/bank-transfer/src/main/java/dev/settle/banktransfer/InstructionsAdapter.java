package dev.settle.banktransfer;

import static dev.settle.spi.StrictJson.required;
import static dev.settle.spi.StrictJson.string;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.settle.exception.ValidationException;
import dev.settle.model.InvoiceId;
import dev.settle.model.Money;
import java.io.IOException;
import java.util.function.Function;

/**
 * Reads a {@code BankTransferInstructions} object and checks every value as it arrives. A
 * missing field, a wrong type, or a value that fails its check (an IBAN whose check digits do
 * not match, an unknown BIC country, a reference that is not ISO 11649) fails with a
 * {@link JsonDataException} naming its JSON path and the reason, which core reports as a
 * {@link dev.settle.exception.MalformedResponseException}: instructions that would send a customer's money
 * to a mistyped account must never reach them.
 */
final class InstructionsAdapter extends JsonAdapter<BankTransferInstructions> {
  private static final JsonReader.Options FIELDS =
      JsonReader.Options.of("invoice_id", "payee", "amount", "currency", "reference");
  private static final JsonReader.Options PAYEE_FIELDS = JsonReader.Options.of("name", "iban", "bic");


  @Override
  public BankTransferInstructions fromJson(JsonReader reader) throws IOException {
    String objectPath = begin(reader, "bank-transfer instructions");
    InvoiceId invoiceId = null;
    Payee payee = null;
    Long amount = null;
    String currency = null;
    String amountPath = null;
    CreditorReference reference = null;
    while (reader.hasNext()) {
      switch (reader.selectName(FIELDS)) {
        case 0:
          invoiceId = checked(reader, InvoiceId::of, "an invoice id");
          break;
        case 1:
          payee = payee(reader);
          break;
        case 2:
          amountPath = reader.getPath();
          if (reader.peek() != JsonReader.Token.NUMBER) {
            throw new JsonDataException("Expected an amount in minor units at " + amountPath);
          }
          amount = reader.nextLong();
          break;
        case 3:
          currency = string(reader);
          break;
        case 4:
          reference = checked(reader, CreditorReference::of, "an ISO 11649 reference");
          break;
        default:
          reader.skipName();
          reader.skipValue();
      }
    }
    reader.endObject();
    required(invoiceId, objectPath, "invoice_id");
    required(payee, objectPath, "payee");
    required(amount, objectPath, "amount");
    required(currency, objectPath, "currency");
    required(reference, objectPath, "reference");
    Money money;
    try {
      money = Money.ofMinor(amount, currency);
    } catch (ValidationException e) {
      throw new JsonDataException(
          "Expected an amount and an ISO 4217 currency at " + objectPath + ": " + e.getMessage());
    }
    return BankTransferInstructions.builder()
            .invoiceId(invoiceId)
            .payeeName(payee.name)
            .iban(payee.iban)
            .bic(payee.bic)
            .amount(money)
            .reference(reference)
            .build();
  }

  private static Payee payee(JsonReader reader) throws IOException {
    String objectPath = begin(reader, "payee's bank details");
    String name = null;
    Iban iban = null;
    Bic bic = null;
    while (reader.hasNext()) {
      switch (reader.selectName(PAYEE_FIELDS)) {
        case 0:
          String namePath = reader.getPath();
          name = string(reader);
          if (name.isBlank()) {
            throw new JsonDataException("Expected the payee's name at " + namePath);
          }
          break;
        case 1:
          iban = checked(reader, Iban::of, "an IBAN");
          break;
        case 2:
          bic = checked(reader, Bic::of, "a BIC");
          break;
        default:
          reader.skipName();
          reader.skipValue();
      }
    }
    reader.endObject();
    return new Payee(
        required(name, objectPath, "name"),
        required(iban, objectPath, "iban"),
        required(bic, objectPath, "bic"));
  }

  private record Payee(String name, Iban iban, Bic bic) {}

  private static String begin(JsonReader reader, String what) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      throw new JsonDataException("Expected the " + what + " object at " + reader.getPath());
    }
    String path = reader.getPath();
    reader.beginObject();
    return path;
  }

  /** Reads a string and parses it with {@code parse}, whose refusal names the path and reason. */
  private static <T> T checked(JsonReader reader, Function<String, T> parse, String what)
      throws IOException {
    String path = reader.getPath();
    String text = string(reader);
    try {
      return parse.apply(text);
    } catch (ValidationException e) {
      throw new JsonDataException("Expected " + what + " at " + path + ": " + e.getMessage());
    }
  }

  @Override
  public void toJson(JsonWriter writer, BankTransferInstructions value) {
    throw new UnsupportedOperationException("Settle only reads bank-transfer instructions");
  }
}
