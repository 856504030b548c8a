package dev.settle.card;

import static dev.settle.spi.StrictJson.browserUrl;
import static dev.settle.spi.StrictJson.required;
import static dev.settle.spi.StrictJson.string;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.settle.model.CustomerId;
import dev.settle.spi.ApiCall;
import dev.settle.spi.ProviderApi;
import dev.settle.spi.Token;
import java.io.IOException;
import java.net.URI;
import retrofit2.http.Body;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Path;

/** The card's part of the billing API: tokenization, and card setups for cards whose bank asks for authentication. */
interface CardApi {
  ProviderApi<CardApi> API = ProviderApi.of(CardApi.class,
      ProviderApi.adapter(TokenRequest.class, TokenRequest.ADAPTER),
      ProviderApi.adapter(CardToken.class, CardToken.ADAPTER),
      ProviderApi.adapter(CardSetup.class, CardSetup.ADAPTER),
      ProviderApi.adapter(CreateSetupRequest.class, CreateSetupRequest.ADAPTER));

  @POST("v1/tokens")
  ApiCall<CardToken> createToken(@Header("Idempotency-Key") String idempotencyKey, @Body TokenRequest body);

  @POST("v1/accounts/{customer_id}/card_setups")
  ApiCall<CardSetup> createCardSetup(@Path("customer_id") CustomerId customer,
      @Header("Idempotency-Key") String idempotencyKey, @Body CreateSetupRequest body);

  /** The setup is named by the path: no body. */
  @POST("v1/accounts/{customer_id}/card_setups/{card_setup_id}/complete")
  ApiCall<CardSetup> completeCardSetup(@Path("customer_id") CustomerId customer,
      @Path("card_setup_id") CardSetupId setup, @Header("Idempotency-Key") String idempotencyKey);

  /** A card token: its id, and whether the card's bank asks for authentication before it is saved. */
  record CardToken(String id, boolean requiresAuthentication) {
    private static final JsonReader.Options FIELDS = JsonReader.Options.of("id", "requires_authentication");

    static final JsonAdapter<CardToken> ADAPTER = new JsonAdapter<>() {
      @Override
      public CardToken fromJson(JsonReader reader) throws IOException {
        String objectPath = reader.getPath();
        String id = null;
        boolean requiresAuthentication = false;
        reader.beginObject();
        while (reader.hasNext()) {
          switch (reader.selectName(FIELDS)) {
            case 0 -> id = string(reader);
            case 1 -> requiresAuthentication = reader.nextBoolean();
            default -> {
              reader.skipName();
              reader.skipValue();
            }
          }
        }
        reader.endObject();
        if (!Token.isWellFormed(id)) {
          throw new JsonDataException("Expected a token id (tok_…) at " + objectPath + ".id");
        }
        return new CardToken(id, requiresAuthentication);
      }

      @Override
      public void toJson(JsonWriter writer, CardToken value) {
        throw new UnsupportedOperationException("Settle only reads tokens");
      }
    };
  }

  /**
   * A card setup as the server answered it: the token to attach once {@code succeeded}, the bank's
   * page while {@code requires_action}.
   */
  record CardSetup(CardSetupId id, String status, URI nextActionUrl, String token) {
    private static final JsonReader.Options FIELDS = JsonReader.Options.of("id", "status", "next_action", "token");
    private static final JsonReader.Options NEXT_ACTION = JsonReader.Options.of("url");

    static final JsonAdapter<CardSetup> ADAPTER = new JsonAdapter<>() {
      @Override
      public CardSetup fromJson(JsonReader reader) throws IOException {
        String objectPath = reader.getPath();
        CardSetupId id = null;
        String status = null;
        URI nextActionUrl = null;
        String token = null;
        reader.beginObject();
        while (reader.hasNext()) {
          switch (reader.selectName(FIELDS)) {
            case 0 -> {
              String value = string(reader);
              if (!CardSetupId.isValid(value)) {
                throw new JsonDataException("Expected a card setup id (cs_…) at " + reader.getPath());
              }
              id = CardSetupId.of(value);
            }
            case 1 -> status = string(reader);
            case 2 -> nextActionUrl = nextActionUrl(reader);
            case 3 -> token = reader.peek() == JsonReader.Token.NULL ? reader.nextNull() : string(reader);
            default -> {
              reader.skipName();
              reader.skipValue();
            }
          }
        }
        reader.endObject();
        return new CardSetup(required(id, objectPath, "id"), required(status, objectPath, "status"),
            nextActionUrl, token);
      }

      @Override
      public void toJson(JsonWriter writer, CardSetup value) {
        throw new UnsupportedOperationException("Settle only reads card setups");
      }
    };

    private static URI nextActionUrl(JsonReader reader) throws IOException {
      if (reader.peek() == JsonReader.Token.NULL) {
        return reader.nextNull();
      }
      String objectPath = reader.getPath();
      URI url = null;
      reader.beginObject();
      while (reader.hasNext()) {
        if (reader.selectName(NEXT_ACTION) == 0) {
          url = browserUrl(reader);
        } else {
          reader.skipName();
          reader.skipValue();
        }
      }
      reader.endObject();
      return required(url, objectPath, "url");
    }

    @Override
    public String toString() {
      return "CardSetup{id=" + id + ", status=" + status + "}";
    }
  }

  /** The body of {@code POST …/card_setups}: the card's token, and where the bank sends the customer back. */
  record CreateSetupRequest(String token, String returnUrl) {
    static final JsonAdapter<CreateSetupRequest> ADAPTER = new JsonAdapter<>() {
      @Override
      public CreateSetupRequest fromJson(JsonReader reader) {
        throw new UnsupportedOperationException("A setup request is only written");
      }

      @Override
      public void toJson(JsonWriter out, CreateSetupRequest request) throws IOException {
        out.beginObject().name("token").value(request.token()).name("return_url").value(request.returnUrl()).endObject();
      }
    };

    @Override
    public String toString() {
      return "CreateSetupRequest{redacted}";
    }
  }
}
