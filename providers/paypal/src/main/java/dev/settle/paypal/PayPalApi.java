package dev.settle.paypal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.settle.model.CustomerId;
import dev.settle.spi.ApiCall;
import dev.settle.spi.ProviderApi;
import dev.settle.spi.Token;
import java.io.IOException;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Path;

/** PayPal's part of the billing API: its setups, and the bodies they send. */
interface PayPalApi {
  ProviderApi<PayPalApi> API = ProviderApi.of(PayPalApi.class, PayPalSetupAdapter.FACTORY,
      ProviderApi.adapter(CreateSetupRequest.class, CreateSetupRequest.ADAPTER),
      ProviderApi.adapter(CompleteRequest.class, CompleteRequest.ADAPTER));

  @POST("v1/accounts/{customer_id}/paypal_setups")
  ApiCall<PayPalSetup> createPayPalSetup(@Path(value = "customer_id", encoded = true) CustomerId customer,
      @Header("Idempotency-Key") String idempotencyKey, @Body CreateSetupRequest body);

  @GET("v1/accounts/{customer_id}/paypal_setups/{setup_id}")
  ApiCall<PayPalSetup> getPayPalSetup(@Path(value = "customer_id", encoded = true) CustomerId customer,
      @Path(value = "setup_id", encoded = true) PayPalSetupId setup);

  @POST("v1/accounts/{customer_id}/paypal_setups/{setup_id}/complete")
  ApiCall<Token> completePayPalSetup(@Path(value = "customer_id", encoded = true) CustomerId customer,
      @Path(value = "setup_id", encoded = true) PayPalSetupId setup, @Header("Idempotency-Key") String idempotencyKey,
      @Body CompleteRequest body);

  /** The body of {@code POST …/paypal_setups}: where PayPal sends the payer back. */
  record CreateSetupRequest(String returnUrl, String cancelUrl) {
    static final JsonAdapter<CreateSetupRequest> ADAPTER = new JsonAdapter<>() {
      @Override
      public CreateSetupRequest fromJson(JsonReader reader) {
        throw new UnsupportedOperationException("A setup request is only written");
      }

      @Override
      public void toJson(JsonWriter out, CreateSetupRequest request) throws IOException {
        out.beginObject().name("return_url").value(request.returnUrl())
            .name("cancel_url").value(request.cancelUrl()).endObject();
      }
    };
  }

  /**
   * The body of {@code POST …/complete}: the setup is named by the path, so the body is an empty
   * object, sent because every Settle POST carries a JSON body.
   */
  enum CompleteRequest {
    EMPTY;

    static final JsonAdapter<CompleteRequest> ADAPTER = new JsonAdapter<>() {
      @Override
      public CompleteRequest fromJson(JsonReader reader) {
        throw new UnsupportedOperationException("A completion is only written");
      }

      @Override
      public void toJson(JsonWriter out, CompleteRequest request) throws IOException {
        out.beginObject().endObject();
      }
    };
  }
}
