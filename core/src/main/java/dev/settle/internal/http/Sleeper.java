package dev.settle.internal.http;

import java.time.Duration;

/** Waits between the attempts of a blocking call; tests replace it so that no test sleeps. */
public interface Sleeper {
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
