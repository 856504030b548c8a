package dev.settle.benchmarks;

import dev.settle.AccountClient;
import dev.settle.CallEvent;
import dev.settle.CallListener;
import dev.settle.SettleClient;
import dev.settle.model.CustomerId;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.stream.Collectors;

/**
 * How Settle's calls scale with the number in flight and the server's latency: N calls of
 * {@code account.get()} at once, as {@code …Async} calls from one thread, or blocking from N
 * platform threads, or from N virtual threads when the JDK has them (21+; this module is built
 * for 17 and finds them at run time). Not JMH: one burst is one measurement.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.settle.benchmarks.Concurrency \
 *     [--calls 1,10,100,1000] [--latencies 0,10,100] [--rounds 7] [--limit 64] [--modes async,platform,virtual]
 * </pre>
 *
 * <p>The server runs in its own process and delays each answer on a timer, holding no thread.
 * Each burst gets a new client ({@code maxConcurrentCalls(limit)}, closed after), so its threads
 * are its own; its connections open during the burst. The ideal is what the limit allows:
 * {@code max(1, N / limit) × latency} for async calls, which queue behind the limit, and the
 * latency for blocking ones, which the limit does not hold back (each has its own thread). The
 * first round warms up and is not counted; the order of the modes alternates between rounds.
 *
 * <p>Per row: the median completion time over the rounds with its 95% confidence interval, its
 * ratio to the ideal, the highest peak of live platform threads in this JVM during the burst (all
 * of them, the idle JVM's included; in brackets the fewest live just before a burst, each burst
 * having waited for its client's dispatcher threads to end), the longest time a call waited for a slot ({@link
 * CallEvent#queued()}), failures; then, in one more burst per row at the largest latency, the
 * heap the calls in flight hold (heap used after a full GC once the server has them all, less the
 * heap used before).
 */
public final class Concurrency {
  private Concurrency() {}

  private static final String ROUTE = "GET /v1/accounts/" + Fixtures.CUSTOMER_ID;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  enum Mode { ASYNC, PLATFORM, VIRTUAL }

  /** One burst's figures. */
  record Burst(double millis, int threadsBefore, int peakThreads, double maxQueuedMillis, long failures) {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int[] calls = ints(options.getOrDefault("calls", "1,10,100,1000"));
    int[] latencies = ints(options.getOrDefault("latencies", "0,10,100"));
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "7"));
    int limit = Integer.parseInt(options.getOrDefault("limit", "64"));
    List<Mode> modes = new ArrayList<>();
    for (String mode : options.getOrDefault("modes", "async,platform,virtual").split(",")) {
      modes.add(Mode.valueOf(mode.trim().toUpperCase(Locale.ROOT)));
    }
    ThreadFactory virtual = VirtualThreads.factory();
    if (virtual == null && modes.remove(Mode.VIRTUAL)) {
      System.out.println("(no virtual threads on Java " + Runtime.version().feature() + ": run on 21+ for them)");
    }
    double loadBefore = JvmCpu.loadAverage();
    int idleThreads = THREADS.getThreadCount();
    Map<String, List<Burst>> bursts = new LinkedHashMap<>();
    Map<String, Double> heldBytes = new LinkedHashMap<>();
    try (ServerProcess server = ServerProcess.start(8); VirtualThreads.PinnedEvents pinned = VirtualThreads.pinnedEvents(virtual)) {
      for (int round = 0; round <= rounds; round++) {
        for (int latency : latencies) {
          server.latency(Duration.ofMillis(latency));
          for (int n : calls) {
            for (int m = 0; m < modes.size(); m++) {
              Mode mode = modes.get(round % 2 == 0 ? m : modes.size() - 1 - m);
              Burst burst = burst(server, mode, n, limit, virtual);
              if (round > 0) {
                bursts.computeIfAbsent(key(mode, n, latency), k -> new ArrayList<>()).add(burst);
              }
            }
          }
        }
      }
      int slowest = Arrays.stream(latencies).max().orElse(0);
      if (slowest > 0) {
        server.latency(Duration.ofMillis(slowest));
        for (int n : calls) {
          for (Mode mode : modes) {
            heldBytes.put(key(mode, n, slowest), heldInFlight(server, mode, n, limit, virtual));
          }
        }
      }
      System.out.printf(Locale.ROOT, "Java %s, %d cores, maxConcurrentCalls %d, %d rounds after one of warm-up; "
              + "%d live threads in this JVM before any client; load average %.1f before, %.1f after%n%n",
          Runtime.version(), Runtime.getRuntime().availableProcessors(), limit, rounds, idleThreads, loadBefore,
          JvmCpu.loadAverage());
      print(bursts, heldBytes, modes, calls, latencies, limit);
      if (virtual != null) {
        System.out.printf(Locale.ROOT, "%njdk.VirtualThreadPinned events (JFR, 20 ms threshold) in all virtual-thread bursts: %d%n",
            pinned.count());
      }
    }
  }

  /** N calls at once through a new client; returns when all have ended. */
  static Burst burst(ServerProcess server, Mode mode, int n, int limit, ThreadFactory virtual) throws Exception {
    QueueWatch watch = new QueueWatch();
    Set<Long> dispatchers = dispatcherThreads();
    int before = THREADS.getThreadCount();
    THREADS.resetPeakThreadCount();
    long elapsed;
    try (SettleClient client = client(server, limit, watch)) {
      AccountClient account = client.account(CustomerId.of(Fixtures.CUSTOMER_ID));
      elapsed = mode == Mode.ASYNC ? async(account, n) : blocking(account, n, threads(mode, virtual), watch);
    }
    Burst burst = new Burst(elapsed / 1e6, before, THREADS.getPeakThreadCount(), watch.maxQueued.get() / 1e6,
        watch.failures.get());
    awaitEnded(dispatchers);
    return burst;
  }

  /** The ids of the live dispatcher threads of Settle's clients. */
  private static Set<Long> dispatcherThreads() {
    return Arrays.stream(THREADS.getThreadInfo(THREADS.getAllThreadIds(), 0))
        .filter(info -> info != null && info.getThreadName().startsWith("settle-dispatch"))
        .map(ThreadInfo::getThreadId)
        .collect(Collectors.toSet());
  }

  /**
   * Waits, with a deadline, until the dispatcher threads that were not in {@code earlier} have
   * ended, so that the next burst counts its own threads only. (A closed client's idle threads end
   * at once, but on their own time.)
   */
  private static void awaitEnded(Set<Long> earlier) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline && !earlier.containsAll(dispatcherThreads())) {
      Thread.yield();
    }
  }

  private static long async(AccountClient account, int n) {
    CompletableFuture<?>[] futures = new CompletableFuture<?>[n];
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      futures[i] = account.getAsync();
    }
    // A failed call is counted by the listener; waiting for all is what matters here.
    CompletableFuture.allOf(futures).handle((ok, failed) -> null).join();
    return System.nanoTime() - start;
  }

  /** N threads, each ready before the clock starts, released at once. */
  private static long blocking(AccountClient account, int n, ThreadFactory factory, QueueWatch watch)
      throws InterruptedException {
    CountDownLatch ready = new CountDownLatch(n);
    CountDownLatch go = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(n);
    Thread[] callers = new Thread[n];
    for (int i = 0; i < n; i++) {
      callers[i] = factory.newThread(() -> {
        ready.countDown();
        try {
          go.await();
          account.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
          watch.failures.incrementAndGet();
        } finally {
          done.countDown();
        }
      });
      callers[i].start();
    }
    ready.await();
    long start = System.nanoTime();
    go.countDown();
    done.await();
    long elapsed = System.nanoTime() - start;
    for (Thread caller : callers) {
      caller.join();
    }
    return elapsed;
  }

  /**
   * The heap that N calls in flight hold: heap used after a full GC once the server has received
   * every call the limit lets through (the rest wait in the client's queue), less the heap used
   * before the calls, also after a full GC.
   */
  static double heldInFlight(ServerProcess server, Mode mode, int n, int limit, ThreadFactory virtual)
      throws Exception {
    long expected = mode == Mode.ASYNC ? Math.min(n, limit) : n;
    try (SettleClient client = client(server, limit, new QueueWatch())) {
      AccountClient account = client.account(CustomerId.of(Fixtures.CUSTOMER_ID));
      long before = heapAfterGc();
      long served = server.count(ROUTE);
      CompletableFuture<Void> all;
      if (mode == Mode.ASYNC) {
        CompletableFuture<?>[] futures = new CompletableFuture<?>[n];
        for (int i = 0; i < n; i++) {
          futures[i] = account.getAsync();
        }
        all = CompletableFuture.allOf(futures);
      } else {
        ThreadFactory factory = threads(mode, virtual);
        all = CompletableFuture.runAsync(() -> {
          try {
            blocking(account, n, factory, new QueueWatch());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (server.count(ROUTE) - served < expected && !all.isDone() && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      long held = all.isDone() ? -1 : heapAfterGc() - before;
      all.handle((ok, failed) -> null).join();
      return held < 0 ? Double.NaN : held;
    }
  }

  private static long heapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static SettleClient client(ServerProcess server, int limit, QueueWatch watch) {
    return SettleClient.builder().baseUrl(server.baseUrl()).apiKey(Fixtures.API_KEY)
        .maxConcurrentCalls(limit).callListener(watch).build();
  }

  private static ThreadFactory threads(Mode mode, ThreadFactory virtual) {
    return mode == Mode.VIRTUAL ? virtual : runnable -> {
      Thread thread = new Thread(runnable, "caller");
      thread.setDaemon(true);
      return thread;
    };
  }

  /** The longest wait for a slot and the failures, from the client's call events. */
  static final class QueueWatch implements CallListener {
    final LongAccumulator maxQueued = new LongAccumulator(Math::max, 0);
    final AtomicLong failures = new AtomicLong();

    @Override
    public void callEnded(CallEvent call) {
      maxQueued.accumulate(call.queued().toNanos());
      if (!call.succeeded()) {
        failures.incrementAndGet();
      }
    }
  }

  private static void print(Map<String, List<Burst>> bursts, Map<String, Double> held, List<Mode> modes,
      int[] calls, int[] latencies, int limit) {
    System.out.println("| mode | calls in flight | latency ms | ideal ms | completion ms, median (95% CI) | × ideal "
        + "| peak live threads (before) | longest queued ms | failed | heap held in flight, KB |");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (Mode mode : modes) {
      for (int latency : latencies) {
        for (int n : calls) {
          List<Burst> runs = bursts.get(key(mode, n, latency));
          double[] millis = runs.stream().mapToDouble(Burst::millis).toArray();
          double[] ci = Stats.medianInterval(millis);
          double ideal = (mode == Mode.ASYNC ? Math.max(1.0, (double) n / limit) : 1.0) * latency;
          double median = Stats.median(millis);
          Double bytes = held.get(key(mode, n, latency));
          System.out.printf(Locale.ROOT, "| %s | %,d | %d | %.0f | %.1f (%.1f – %.1f) | %s | %d (%d) | %.1f | %d | %s |%n",
              mode.name().toLowerCase(Locale.ROOT), n, latency, ideal, median, ci[0], ci[1],
              ideal == 0 ? "—" : String.format(Locale.ROOT, "%.2f", median / ideal),
              runs.stream().mapToInt(Burst::peakThreads).max().orElse(0),
              runs.stream().mapToInt(Burst::threadsBefore).min().orElse(0),
              runs.stream().mapToDouble(Burst::maxQueuedMillis).max().orElse(0),
              runs.stream().mapToLong(Burst::failures).sum(),
              bytes == null || bytes.isNaN() ? "—" : String.format(Locale.ROOT, "%,.0f", bytes / 1024));
        }
      }
    }
  }

  private static String key(Mode mode, int n, int latency) {
    return mode + " " + n + " " + latency;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("Expected --name value, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  private static int[] ints(String list) {
    return Arrays.stream(list.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
  }
}
