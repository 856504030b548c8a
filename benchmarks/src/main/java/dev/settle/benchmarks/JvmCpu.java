package dev.settle.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * This JVM's CPU time, every thread of it, and who spent it: the calling thread, the dispatcher
 * that runs asynchronous calls, Settle's timer, OkHttp's task runner (the connection pool's
 * cleanup), Okio's watchdog (socket timeouts, and call timeouts where a client sets them), the
 * garbage collector, the JIT compilers,
 * and the rest (the VM's own threads, reference handling, …).
 *
 * <p>Read from Linux's {@code /proc/self/task/<tid>/schedstat} (time on a CPU, nanoseconds) and
 * the thread's name in {@code stat}, which HotSpot sets from the Java name, cut to 15 characters.
 * Threads that end between two snapshots are missed; threads that begin count from zero. Where
 * there is no {@code /proc}, only the whole process's CPU clock is read, all of it "rest".
 */
final class JvmCpu {
  /** Who spent the CPU time, in the order the tables print it. */
  enum Group {
    CALLER("calling thread"),
    DISPATCHER("dispatcher"),
    TIMER("Settle's timer"),
    TASK_RUNNER("OkHttp TaskRunner"),
    WATCHDOG("Okio Watchdog"),
    GC("GC"),
    JIT("JIT"),
    REST("rest of the JVM");

    final String label;

    Group(String label) {
      this.label = label;
    }
  }

  private static final Path TASKS = Path.of("/proc/self/task");
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private JvmCpu() {}

  /** The system's load average over the last minute, as {@code uptime} shows it. */
  static double loadAverage() {
    return OS.getSystemLoadAverage();
  }

  /** The calling thread's id in {@code /proc/self/task}, or null where there is none. */
  static String currentTid() {
    try {
      return Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
    } catch (IOException | UnsupportedOperationException e) {
      return null;
    }
  }

  /** CPU time so far and name of every live thread, by tid; or the process's alone. */
  record Snapshot(Map<String, Long> nanos, Map<String, String> names, long process) {
    /** All live threads' CPU time, or the process clock's (10 ms ticks here) without them. */
    long total() {
      return nanos.isEmpty() ? process : nanos.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  static Snapshot take() {
    Map<String, Long> nanos = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    if (Files.isDirectory(TASKS)) {
      try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
        for (Path task : tasks) {
          try {
            String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
            String schedstat = Files.readString(task.resolve("schedstat"), StandardCharsets.US_ASCII);
            String tid = task.getFileName().toString();
            names.put(tid, stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
            nanos.put(tid, Long.parseLong(schedstat.substring(0, schedstat.indexOf(' '))));
          } catch (IOException | RuntimeException gone) {
            // The thread ended while we listed them, or this kernel keeps no schedstat.
          }
        }
      } catch (IOException e) {
        nanos.clear();
      }
    }
    return new Snapshot(nanos, names, OS.getProcessCpuTime());
  }

  /** Nanoseconds spent by each group between two snapshots; {@code callerTid} may be null. */
  static long[] between(Snapshot start, Snapshot end, String callerTid) {
    long[] spent = new long[Group.values().length];
    if (end.nanos().isEmpty()) {
      spent[Group.REST.ordinal()] = end.process() - start.process();
      return spent;
    }
    for (Map.Entry<String, Long> thread : end.nanos().entrySet()) {
      long delta = thread.getValue() - start.nanos().getOrDefault(thread.getKey(), 0L);
      Group group = thread.getKey().equals(callerTid) ? Group.CALLER : group(end.names().get(thread.getKey()));
      spent[group.ordinal()] += delta;
    }
    return spent;
  }

  /** The group of a thread by its native name (OkHttp's task runner names it after its task). */
  static Group group(String name) {
    if (name.startsWith("settle-dispatch") || name.startsWith("OkHttp Dispatch")) {
      return Group.DISPATCHER;
    }
    if (name.startsWith("settle-timer")) {
      return Group.TIMER;
    }
    if (name.startsWith("Okio Watchdog")) {
      return Group.WATCHDOG;
    }
    if (name.startsWith("OkHttp")) {
      return Group.TASK_RUNNER;
    }
    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
      return Group.JIT;
    }
    if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
      return Group.GC;
    }
    return Group.REST;
  }
}
