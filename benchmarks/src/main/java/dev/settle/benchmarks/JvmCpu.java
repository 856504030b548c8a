package dev.settle.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * This JVM's CPU time, all threads, and who spent it: the calling thread, the dispatcher that
 * runs asynchronous calls, Settle's timer, OkHttp's task runner (the connection pool's cleanup),
 * Okio's watchdog (socket and call timeouts), other Java threads, the garbage collector, the JIT
 * compilers, and the rest of the JVM.
 *
 * <p>Java threads are read from the {@code ThreadMXBean} (nanoseconds, by thread name); the
 * collector's and the compilers' native threads, which it does not show, from
 * {@code /proc/self/task/<tid>/stat} (clock ticks of 10 ms, statistically fair over many blocks;
 * zero where there is no {@code /proc}); the whole from the process's CPU clock. The rest of the
 * JVM is what the whole leaves over.
 */
final class JvmCpu {
  /** Who spent the CPU time, in the order the tables print it. */
  enum Group {
    CALLER("calling thread"),
    DISPATCHER("dispatcher"),
    TIMER("Settle's timer"),
    TASK_RUNNER("OkHttp TaskRunner"),
    WATCHDOG("Okio Watchdog"),
    OTHER_JAVA("other Java threads"),
    GC("GC"),
    JIT("JIT"),
    REST("rest of the JVM");

    final String label;

    Group(String label) {
      this.label = label;
    }
  }

  private static final long NANOS_PER_TICK = 10_000_000L;
  private static final Path TASKS = Path.of("/proc/self/task");

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private JvmCpu() {}

  /** The whole process's CPU time so far, nanoseconds. */
  static long processNanos() {
    return OS.getProcessCpuTime();
  }

  /** The system's load average over the last minute, as {@code uptime} shows it. */
  static double loadAverage() {
    return OS.getSystemLoadAverage();
  }

  /** CPU time so far of every live thread, Java threads by id and native ones by tid. */
  record Snapshot(long process, Map<Long, Long> java, Map<Long, String> names, Map<String, Long> nativeTicks,
      Map<String, Group> nativeGroups) {}

  static Snapshot take() {
    long[] ids = THREADS.getAllThreadIds();
    long[] cpu = THREADS.getThreadCpuTime(ids);
    ThreadInfo[] infos = THREADS.getThreadInfo(ids, 0);
    Map<Long, Long> java = new HashMap<>();
    Map<Long, String> names = new HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      if (infos[i] != null && cpu[i] >= 0) {
        java.put(ids[i], cpu[i]);
        names.put(ids[i], infos[i].getThreadName());
      }
    }
    Map<String, Long> ticks = new HashMap<>();
    Map<String, Group> groups = new HashMap<>();
    readNativeThreads(ticks, groups);
    return new Snapshot(processNanos(), java, names, ticks, groups);
  }

  /**
   * Nanoseconds spent by each group between two snapshots. The caller is given by its thread id;
   * threads that ended in between are missed, threads that began count from zero.
   */
  static long[] between(Snapshot start, Snapshot end, long callerId) {
    long[] spent = new long[Group.values().length];
    long counted = 0;
    for (Map.Entry<Long, Long> thread : end.java().entrySet()) {
      long delta = thread.getValue() - start.java().getOrDefault(thread.getKey(), 0L);
      Group group = thread.getKey() == callerId ? Group.CALLER : javaGroup(end.names().get(thread.getKey()));
      spent[group.ordinal()] += delta;
      counted += delta;
    }
    for (Map.Entry<String, Long> thread : end.nativeTicks().entrySet()) {
      long delta = (thread.getValue() - start.nativeTicks().getOrDefault(thread.getKey(), 0L)) * NANOS_PER_TICK;
      spent[end.nativeGroups().get(thread.getKey()).ordinal()] += delta;
      counted += delta;
    }
    spent[Group.REST.ordinal()] = end.process() - start.process() - counted;
    return spent;
  }

  static Group javaGroup(String name) {
    if (name == null) {
      return Group.OTHER_JAVA;
    }
    if (name.startsWith("settle-dispatch") || name.contains("Dispatcher")) {
      return Group.DISPATCHER;
    }
    if (name.startsWith("settle-timer")) {
      return Group.TIMER;
    }
    if (name.startsWith("Okio Watchdog")) {
      return Group.WATCHDOG;
    }
    // The task runner's threads take the name of the queue whose task they run, all "OkHttp …".
    if (name.startsWith("OkHttp")) {
      return Group.TASK_RUNNER;
    }
    return Group.OTHER_JAVA;
  }

  /** The collector's and compilers' threads, named by HotSpot; Java threads are read elsewhere. */
  private static void readNativeThreads(Map<String, Long> ticks, Map<String, Group> groups) {
    if (!Files.isDirectory(TASKS)) {
      return;
    }
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
        } catch (IOException gone) {
          continue; // the thread ended while we listed them
        }
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        String comm = stat.substring(open + 1, close);
        Group group = comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler") ? Group.JIT
            : comm.startsWith("GC Thread") || comm.startsWith("G1 ") ? Group.GC : null;
        if (group == null) {
          continue;
        }
        // After "(comm) ": state is field 3; utime and stime are fields 14 and 15.
        String[] fields = stat.substring(close + 2).split(" ");
        ticks.put(task.getFileName().toString(), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        groups.put(task.getFileName().toString(), group);
      }
    } catch (IOException e) {
      ticks.clear();
      groups.clear();
    }
  }
}
