package dev.settle.internal.http;

import dev.settle.exception.SettleException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Receives the transport's events, for the client's listener. Must not throw. */
public interface CallObserver {
  CallObserver NONE = new CallObserver() {
    @Override
    public void attemptEnded(Attempt attempt) {}

    @Override
    public void callEnded(Ending call) {}
  };

  void attemptEnded(Attempt attempt);

  void callEnded(Ending call);

  /** One attempt, as it ended. */
  record Attempt(String operation, String method, String path, int number, int statusCode,
      @Nullable String requestId, @Nullable String idempotencyKey, Duration latency,
      @Nullable SettleException failure, boolean willRetry) {}

  /** One call, as it ended; {@code queued} is how long its first attempt waited for a slot. */
  record Ending(String operation, int attempts, Duration latency, Duration queued,
      @Nullable String requestId, @Nullable String idempotencyKey, @Nullable SettleException failure) {}
}
