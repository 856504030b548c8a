package dev.settle;

import java.time.Duration;

/** Waits between attempts; tests replace it so that no test sleeps. */
interface Sleeper {
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
