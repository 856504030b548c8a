package dev.settle.paypal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PayPalAccountAdapterTest {
  private final JsonAdapter<PayPalAccount> adapter =
      new PayPalProvider().detailsAdapter(new Moshi.Builder().build());

  @Test
  void readsEveryFieldAndSkipsOthers() throws IOException {
    PayPalAccount account =
        adapter.fromJson(
            "{\"email\":\"camille@example.com\",\"payer_id\":\"7XRNGHV24HQL4\","
                + "\"account_id\":\"QYR5Z8XDVJNXQ\",\"name\":{\"given_name\":\"Camille\"}}");

    assertThat(account.email()).isEqualTo("camille@example.com");
    assertThat(account.payerId()).isEqualTo("7XRNGHV24HQL4");
    assertThat(account.kind()).isEqualTo("paypal");
  }

  @Test
  void readsJsonNullAsNull() throws IOException {
    assertThat(adapter.fromJson("null")).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{'payer_id':'7XRNGHV24HQL4'}|Required value 'email' missing at $",
        "{'email':'camille@example.com'}|Required value 'payer_id' missing at $",
        "{'email':null,'payer_id':'7XRNGHV24HQL4'}|Expected a string at $.email",
        "{'email':' ','payer_id':'7XRNGHV24HQL4'}|Expected an email address at $.email",
        "{'email':'camille@example.com','payer_id':7}|Expected a string at $.payer_id",
        "{'email':'camille@example.com','payer_id':'7XRNGHV24HQL'}"
            + "|Expected a PayPal payer id (13 characters) at $.payer_id",
        "{'email':'camille@example.com','payer_id':'7XRNGHV24HQL0'}"
            + "|Expected a PayPal payer id (13 characters) at $.payer_id",
        "{'email':'camille@example.com','payer_id':'7xrnghv24hql4'}"
            + "|Expected a PayPal payer id (13 characters) at $.payer_id",
      })
  void namesTheFieldThatIsMissingOrOutsideTheContract(String json, String message) {
    assertThatThrownBy(() -> adapter.fromJson(json.replace('\'', '"')))
        .isInstanceOf(JsonDataException.class)
        .hasMessage(message);
  }

  @Test
  void onlyReads() {
    PayPalAccount account =
        PayPalAccount.builder().email("camille@example.com").payerId("7XRNGHV24HQL4").build();

    assertThatThrownBy(() -> adapter.toJson(account))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
