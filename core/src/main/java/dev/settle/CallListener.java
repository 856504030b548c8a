package dev.settle;

/**
 * Sees every call Settle makes and every attempt within it: the hook for metrics, traces and
 * logs.
 *
 * <p>Events carry the operation, the attempt number, the HTTP status, the server's request id,
 * the latency and the idempotency key — never an API key, card data or a body. Methods are called
 * on the thread that finished the attempt (an OkHttp thread for asynchronous calls), possibly from
 * many threads at once: implementations must be thread-safe and quick, and must not throw; an
 * exception they throw is ignored.
 *
 * <p>Micrometer: a timer per operation and outcome.
 *
 * <pre>{@code
 * CallListener metrics = new CallListener() {
 *   public void callEnded(CallEvent call) {
 *     Timer.builder("settle.calls")
 *         .tag("operation", call.operation())
 *         .tag("outcome", call.succeeded() ? "ok" : call.failure().getClass().getSimpleName())
 *         .register(registry)
 *         .record(call.latency());
 *   }
 * };
 * }</pre>
 *
 * <p>OpenTelemetry: a client span per attempt, from its start to its end.
 *
 * <pre>{@code
 * CallListener traces = new CallListener() {
 *   public void attemptEnded(AttemptEvent attempt) {
 *     Instant end = Instant.now();
 *     Span span = tracer.spanBuilder("settle " + attempt.operation())
 *         .setSpanKind(SpanKind.CLIENT)
 *         .setStartTimestamp(end.minus(attempt.latency()))
 *         .setAttribute("http.request.method", attempt.method())
 *         .setAttribute("http.response.status_code", attempt.statusCode())
 *         .setAttribute("settle.attempt", attempt.attempt())
 *         .setAttribute("settle.will_retry", attempt.willRetry())
 *         .startSpan();
 *     if (attempt.requestId() != null) {
 *       span.setAttribute("settle.request_id", attempt.requestId());
 *     }
 *     if (attempt.failure() != null) {
 *       span.setStatus(StatusCode.ERROR, attempt.failure());
 *     }
 *     span.end(end);
 *   }
 * };
 * }</pre>
 *
 * <p>Both examples are compiled by a test, with the imports and variables ({@code registry},
 * {@code tracer}) a real application has.
 */
public interface CallListener {
  /** A listener that does nothing. */
  CallListener NONE = new CallListener() {};

  /**
   * A call started: before its first attempt, and before any wait for a slot under the client's
   * limit of calls in flight. Its {@link CallStart#callId()} is on every event of the call, so a
   * timer or a span can be opened here and closed in {@link #callEnded}.
   *
   * @param call the operation, its request line and its key
   */
  default void callStarted(CallStart call) {}

  /**
   * One HTTP attempt ended, with a response or a network failure.
   *
   * @param attempt what the attempt sent and received
   */
  default void attemptEnded(AttemptEvent attempt) {}

  /**
   * A call ended: it returned, or it threw {@link CallEvent#failure()}.
   *
   * @param call the operation, its outcome and its attempts
   */
  default void callEnded(CallEvent call) {}
}
