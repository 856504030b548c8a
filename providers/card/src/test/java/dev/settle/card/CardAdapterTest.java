package dev.settle.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardAdapterTest {
  private final JsonAdapter<Card> adapter =
      new CardProvider().detailsAdapter(new Moshi.Builder().build());

  @Test
  void readsEveryField() throws IOException {
    Card card =
        adapter.fromJson(
            "{\"brand\":\"amex\",\"last4\":\"0005\",\"exp_month\":3,\"exp_year\":2031,"
                + "\"holder_name\":\"Camille Martin\",\"funding\":\"credit\"}");

    assertThat(card.brand()).contains(CardBrand.AMERICAN_EXPRESS);
    assertThat(card.brandName()).isEqualTo("amex");
    assertThat(card.lastFour()).isEqualTo("0005");
    assertThat(card.expiry()).isEqualTo(YearMonth.of(2031, 3));
    assertThat(card.holderName()).contains("Camille Martin");
    assertThat(card.kind()).isEqualTo("card");
  }

  @Test
  void readsANullOrAbsentHolderNameAsNone() throws IOException {
    String withNull =
        "{\"brand\":\"visa\",\"last4\":\"4242\",\"exp_month\":12,\"exp_year\":2030,"
            + "\"holder_name\":null}";
    String without = "{\"brand\":\"visa\",\"last4\":\"4242\",\"exp_month\":12,\"exp_year\":2030}";

    assertThat(adapter.fromJson(withNull).holderName()).isEmpty();
    assertThat(adapter.fromJson(without)).isEqualTo(adapter.fromJson(withNull));
  }

  @Test
  void keepsABrandThisVersionDoesNotKnowByItsName() throws IOException {
    Card card =
        adapter.fromJson(
            "{\"brand\":\"discover\",\"last4\":\"1117\",\"exp_month\":1,\"exp_year\":2032}");

    assertThat(card.brand()).isEmpty();
    assertThat(card.brandName()).isEqualTo("discover");
    assertThat(card.lastFour()).isEqualTo("1117");
  }

  @Test
  void readsJsonNullAsNull() throws IOException {
    assertThat(adapter.fromJson("null")).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{'last4':'4242','exp_month':12,'exp_year':2030}"
            + "|Required value 'brand' missing at $",
        "{'brand':'visa','exp_month':12,'exp_year':2030}"
            + "|Required value 'last4' missing at $",
        "{'brand':'visa','last4':'4242','exp_year':2030}"
            + "|Required value 'exp_month' missing at $",
        "{'brand':'visa','last4':'4242','exp_month':12}"
            + "|Required value 'exp_year' missing at $",
        "{'brand':7,'last4':'4242','exp_month':12,'exp_year':2030}"
            + "|Expected a string at $.brand",
        "{'brand':null,'last4':'4242','exp_month':12,'exp_year':2030}"
            + "|Expected a string at $.brand",
        "{'brand':'visa','last4':'42a2','exp_month':12,'exp_year':2030}"
            + "|Expected four digits at $.last4",
        "{'brand':'visa','last4':'4242','exp_month':13,'exp_year':2030}"
            + "|Expected an integer from 1 to 12 at $.exp_month",
        "{'brand':'visa','last4':'4242','exp_month':'twelve','exp_year':2030}"
            + "|Expected an integer at $.exp_month",
        "{'brand':'visa','last4':'4242','exp_month':12,'exp_year':30}"
            + "|Expected an integer from 2000 to 2200 at $.exp_year",
        "{'brand':'visa','last4':'4242','exp_month':12,'exp_year':2030.5}"
            + "|Expected an integer at $.exp_year",
        "{'brand':'visa','last4':'4242','exp_month':12,'exp_year':2030,'holder_name':1}"
            + "|Expected a string at $.holder_name"
      })
  void namesTheFieldThatIsMissingOrOutsideTheContract(String json, String message) {
    assertThatThrownBy(() -> adapter.fromJson(json.replace('\'', '"')))
        .isInstanceOf(JsonDataException.class)
        .hasMessage(message);
  }

  @Test
  void neverRepeatsAValueInItsErrors() {
    String number = "4242424242424242";

    assertThatThrownBy(
            () ->
                adapter.fromJson(
                    "{\"brand\":\"visa\",\"last4\":\"" + number + "\",\"exp_month\":12,"
                        + "\"exp_year\":2030}"))
        .hasMessageNotContaining(number);
    assertThatThrownBy(
            () ->
                adapter.fromJson(
                    "{\"brand\":\"visa\",\"last4\":\"4242\",\"exp_month\":\"" + number + "\","
                        + "\"exp_year\":2030}"))
        .hasMessageNotContaining(number);
  }

  @Test
  void buildsCardsByHandForTestsOfCodeThatReadsThem() {
    Card card =
        Card.builder()
            .brand(CardBrand.JCB)
            .lastFour("0505")
            .expiry(YearMonth.of(2030, 1))
            .build();

    assertThat(card.brandName()).isEqualTo("jcb");
    assertThat(card.brand()).contains(CardBrand.JCB);
    assertThat(card.holderName()).isEmpty();
    assertThatThrownBy(
            () ->
                Card.builder()
                    .brand(CardBrand.VISA)
                    .lastFour("4242424242424242")
                    .expiry(YearMonth.of(2030, 1))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("lastFour must be four digits");
  }
}
