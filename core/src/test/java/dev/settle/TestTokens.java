package dev.settle;

import dev.settle.spi.ApiCall;
import dev.settle.spi.ProviderApi;
import dev.settle.spi.ProviderContext;
import dev.settle.spi.Token;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import retrofit2.http.Body;
import retrofit2.http.Header;
import retrofit2.http.POST;

/** A provider's tokenization, as the tests' fake providers make it: a fixed body to v1/tokens. */
final class TestTokens {
  static final Map<String, Object> CARD = Map.of("type", "card", "card", Map.of(
      "number", "4242424242424242", "exp_month", 12, "exp_year", 2030, "cvc", "123"));

  interface Api {
    @POST("v1/tokens")
    ApiCall<Token> createToken(@Header("Idempotency-Key") String idempotencyKey, @Body Map<String, Object> body);
  }

  private static final ProviderApi<Api> API = ProviderApi.of(Api.class);

  private TestTokens() {}

  static String tokenize(ProviderContext context, Map<String, Object> body) {
    return context.execute(call(context, body)).id();
  }

  static CompletableFuture<String> tokenizeAsync(ProviderContext context, Map<String, Object> body) {
    return context.executeAsync(call(context, body)).thenApply(Token::id);
  }

  static ApiCall<Token> call(ProviderContext context, Map<String, Object> body) {
    return context.api(API).createToken(context.nextIdempotencyKey(), body);
  }
}
