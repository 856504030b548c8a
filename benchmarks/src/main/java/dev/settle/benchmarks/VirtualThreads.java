package dev.settle.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;

/**
 * Virtual threads for a module built for Java 17: found at run time through the public
 * {@code Thread.Builder} interface, so the same jar measures them when started on Java 21 or
 * later and leaves them out on 17.
 */
final class VirtualThreads {
  private VirtualThreads() {}

  /** A factory of virtual threads, or null on a JDK without them. */
  static ThreadFactory factory() {
    try {
      Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
      return (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  /**
   * Records JFR's {@code jdk.VirtualThreadPinned} events (a virtual thread that blocked for 20 ms
   * or more while it held its carrier) while open; records nothing without virtual threads.
   */
  static PinnedEvents pinnedEvents(ThreadFactory virtual) {
    return new PinnedEvents(virtual != null);
  }

  /** A JFR recording of pinning events only. */
  static final class PinnedEvents implements AutoCloseable {
    private static final String PINNED = "jdk.VirtualThreadPinned";
    private final Recording recording;

    private PinnedEvents(boolean on) {
      recording = on ? new Recording() : null;
      if (recording != null) {
        recording.enable(PINNED);
        recording.start();
      }
    }

    /** Stops the recording and counts its events; 0 without virtual threads. */
    long count() throws IOException {
      if (recording == null) {
        return 0;
      }
      recording.stop();
      Path file = Files.createTempFile("pinned", ".jfr");
      try {
        recording.dump(file);
        return RecordingFile.readAllEvents(file).stream()
            .filter(event -> event.getEventType().getName().equals(PINNED)).count();
      } finally {
        Files.deleteIfExists(file);
      }
    }

    @Override
    public void close() {
      if (recording != null) {
        recording.close();
      }
    }
  }
}
