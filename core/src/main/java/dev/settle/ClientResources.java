package dev.settle;

import dev.settle.internal.http.Scheduler;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * What a client's calls run on: the OkHttp client Settle derives its own from, and the timer of
 * retries and deadlines. Clients derived with {@code newBuilder()} share them, counted; the last
 * one closed releases what Settle created (the dispatcher's threads, the connection pool, the
 * timer) and never what the application handed in.
 */
final class ClientResources {
  private static final AtomicInteger DISPATCHER_THREADS = new AtomicInteger();

  final OkHttpClient okHttp;
  /** Runs retries after their wait; tests replace it to run them at once. */
  final Scheduler scheduler;
  /** Cancels calls at their deadline, always on the clock. */
  final Scheduler timer;
  final int maxConcurrentCalls;
  private final @Nullable OkHttpClient handedIn;
  private int clients;
  private boolean released;

  private ClientResources(OkHttpClient okHttp, @Nullable OkHttpClient handedIn, @Nullable Scheduler retries,
      int maxConcurrentCalls) {
    this.okHttp = okHttp;
    this.handedIn = handedIn;
    this.timer = Scheduler.daemon();
    this.scheduler = retries != null ? retries : timer;
    this.maxConcurrentCalls = maxConcurrentCalls;
  }

  /**
   * The application's client, whose dispatcher and pool stay its own; or one of Settle's, whose
   * dispatcher runs at most {@code maxConcurrentCalls} calls at once (to any host) on daemon
   * threads, queueing the rest without a thread each.
   */
  static ClientResources create(@Nullable OkHttpClient handedIn, int maxConcurrentCalls, @Nullable Scheduler retries) {
    if (handedIn != null) {
      return new ClientResources(handedIn, handedIn, retries, maxConcurrentCalls);
    }
    ExecutorService threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
        new SynchronousQueue<>(), task -> {
          Thread thread = new Thread(task, "settle-dispatch-" + DISPATCHER_THREADS.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    Dispatcher dispatcher = new Dispatcher(threads);
    dispatcher.setMaxRequests(maxConcurrentCalls);
    dispatcher.setMaxRequestsPerHost(maxConcurrentCalls);
    OkHttpClient own = new OkHttpClient.Builder().dispatcher(dispatcher).connectionPool(new ConnectionPool()).build();
    return new ClientResources(own, null, retries, maxConcurrentCalls);
  }

  /** Whether a client with these settings can share these resources. */
  boolean fits(@Nullable OkHttpClient handedIn, int maxConcurrentCalls) {
    return this.handedIn == handedIn && (handedIn != null || this.maxConcurrentCalls == maxConcurrentCalls);
  }

  /** One more client uses these resources; false once the last client released them. */
  synchronized boolean retain() {
    if (released) {
      return false;
    }
    clients++;
    return true;
  }

  /** A client using these resources closed; the last one releases what Settle created. */
  synchronized void release() {
    if (--clients > 0) {
      return;
    }
    released = true;
    scheduler.close();
    timer.close();
    if (handedIn == null) {
      okHttp.dispatcher().executorService().shutdown();
      okHttp.connectionPool().evictAll();
    }
  }
}
