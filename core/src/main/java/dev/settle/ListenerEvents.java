package dev.settle;

import dev.settle.internal.http.CallObserver;

/** Hands the transport's events to the user's {@link CallListener} as its public event types. */
final class ListenerEvents implements CallObserver {
  private final CallListener listener;

  private ListenerEvents(CallListener listener) {
    this.listener = listener;
  }

  static CallObserver of(CallListener listener) {
    return listener == CallListener.NONE ? CallObserver.NONE : new ListenerEvents(listener);
  }

  @Override
  public void callStarted(Start call) {
    listener.callStarted(new CallStart(call.callId(), call.operation(), call.method(), call.path(),
        call.idempotencyKey()));
  }

  @Override
  public void attemptEnded(Attempt attempt) {
    listener.attemptEnded(new AttemptEvent(attempt.callId(), attempt.operation(), attempt.method(), attempt.path(),
        attempt.number(), attempt.statusCode(), attempt.requestId(), attempt.idempotencyKey(),
        attempt.latency(), attempt.failure() == null ? null : attempt.failure().getClass().getSimpleName(),
        attempt.willRetry()));
  }

  @Override
  public void callEnded(Ending call) {
    listener.callEnded(new CallEvent(call.callId(), call.operation(), call.attempts(), call.latency(),
        call.queued(), call.statusCode(), call.requestId(), call.idempotencyKey(), call.failure()));
  }
}
