package dev.settle;

import dev.settle.internal.http.Wire;
import dev.settle.model.CustomerId;
import dev.settle.spi.ProviderContext;
import java.lang.reflect.Type;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The {@link ProviderContext} of one call. The n-th request a provider POSTs gets the call's
 * idempotency key suffixed with n, so repeating the whole call with the same key replays each
 * provider request instead of repeating it.
 */
final class ProviderCalls implements ProviderContext {
  private static final Pattern TOKEN_ID = Pattern.compile("tok_[A-Za-z0-9]{1,64}");

  private final AccountClient account;
  private final String idempotencyKey;
  private final RequestOptions options;
  private final AtomicInteger posts = new AtomicInteger();

  ProviderCalls(AccountClient account, String idempotencyKey, RequestOptions options) {
    this.account = account;
    this.idempotencyKey = idempotencyKey;
    this.options = options;
  }

  @Override
  public Clock clock() {
    return account.client().clock();
  }

  @Override
  public CustomerId customerId() {
    return account.customerId();
  }

  @Override
  public <T> T get(String path, Type responseType) {
    return account.transport().read(account.api().<T>get(path, responseType), options);
  }

  @Override
  public <T> T post(String path, Object body, Type responseType) {
    String key = idempotencyKey + ":" + posts.incrementAndGet();
    try {
      return account.transport().write(account.api().<T>post(path, key, body, responseType), key, options);
    } catch (OutcomeUnknownException unknown) {
      throw unknown.forCallKey(idempotencyKey);
    }
  }

  @Override
  public <T> CompletableFuture<T> getAsync(String path, Type responseType) {
    return account.transport().readAsync(account.api().<T>get(path, responseType), options);
  }

  @Override
  public <T> CompletableFuture<T> postAsync(String path, Object body, Type responseType) {
    String key = idempotencyKey + ":" + posts.incrementAndGet();
    return account.transport().writeAsync(account.api().<T>post(path, key, body, responseType), key, options)
        .exceptionallyCompose(failure -> {
          SettleException cause = Mode.unwrap(failure);
          return CompletableFuture.failedFuture(cause instanceof OutcomeUnknownException
              ? ((OutcomeUnknownException) cause).forCallKey(idempotencyKey) : cause);
        });
  }

  @Override
  public String postForToken(String path, Object body) {
    return tokenId(path, this.<Wire.Token>post(path, body, Wire.Token.class));
  }

  @Override
  public CompletableFuture<String> postForTokenAsync(String path, Object body) {
    return this.<Wire.Token>postAsync(path, body, Wire.Token.class).thenApply(token -> tokenId(path, token));
  }

  /** The id an attach accepts, or a malformed response: a bad id is never attached. */
  private static String tokenId(String path, Wire.Token token) {
    if (token.id() == null || !TOKEN_ID.matcher(token.id()).matches()) {
      throw new MalformedResponseException(
          "Unreadable response from POST /" + path + ": expected a token id (tok_…)", 200, null, null);
    }
    return token.id();
  }
}
