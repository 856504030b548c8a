package dev.settle.internal.http;

import dev.settle.exception.SettleException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Receives the transport's events, for the client's listener. Must not throw. */
public interface CallObserver {
  CallObserver NONE = new CallObserver() {
    @Override
    public void callStarted(Start call) {}

    @Override
    public void attemptEnded(Attempt attempt) {}

    @Override
    public void callEnded(Ending call) {}
  };

  void callStarted(Start call);

  void attemptEnded(Attempt attempt);

  void callEnded(Ending call);

  /** One call, as it starts. */
  record Start(long callId, String operation, String method, String path, @Nullable String idempotencyKey) {}

  /** One attempt, as it ended. */
  record Attempt(long callId, String operation, String method, String path, int number, int statusCode,
      @Nullable String requestId, @Nullable String idempotencyKey, Duration latency,
      @Nullable SettleException failure, boolean willRetry) {}

  /** One call, as it ended; {@code queued} is how long its first attempt waited for a slot. */
  record Ending(long callId, String operation, int attempts, Duration latency, Duration queued, int statusCode,
      @Nullable String requestId, @Nullable String idempotencyKey, @Nullable SettleException failure) {}
}
