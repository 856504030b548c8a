package dev.settle.internal.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The client's timer: every call's deadline, and an asynchronous call's next attempt after its
 * wait. One daemon thread, started with the first task. Once closed, it still runs what is
 * pending, so calls in flight when their client closes keep their deadline; its thread ends when
 * nothing is left, and a task scheduled after that is dropped. Its tasks are short and never run
 * the caller's code: a slow task would delay every call's deadline.
 *
 * <p>Every call sets a deadline and nearly every call ends long before it, so the timer is built
 * for tasks that are cancelled: its thread sleeps until the earliest time it was told of and is
 * signalled only for a task due before that. Calls made with the client's one timeout bring ever
 * later deadlines, so a steady stream of them never signals it, and it wakes about once per
 * timeout rather than once per call; a finished call takes its task off the list at once, and the
 * thread finds the list short when it wakes. (A priority queue's timer, or
 * Okio's watchdog behind OkHttp's own call timeout, is signalled whenever a task lands at the
 * head of an empty queue: once per call made one at a time.)
 */
final class DaemonTimer implements Scheduler {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition earlier = lock.newCondition();
  /** The sentinel of the circular list of pending tasks, in no order. */
  private final Task pending = new Task(0, () -> { });
  /** When the thread looks at the list next, on {@link System#nanoTime()}; valid if {@link #awake}. */
  private long wakeAt;
  /** Whether the thread will wake at {@link #wakeAt}; otherwise it sleeps until a task comes. */
  private boolean awake;
  private @Nullable Thread thread;
  private boolean closed;

  @Override
  public Runnable schedule(Runnable task, Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      task.run();
      return () -> { };
    }
    long due = System.nanoTime() + delay.toNanos();
    Task scheduled = new Task(due, task);
    lock.lock();
    try {
      if (finished()) {
        return () -> { };
      }
      scheduled.linkAfter(pending);
      if (thread == null) {
        thread = new Thread(this::run, "settle-timer-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
      }
      if (!awake || due - wakeAt < 0) {
        wakeAt = due;
        awake = true;
        earlier.signal();
      }
    } finally {
      lock.unlock();
    }
    return scheduled;
  }

  private void run() {
    List<Task> due = new ArrayList<>();
    lock.lock();
    try {
      while (!finished()) {
        long now = System.nanoTime();
        if (!awake) {
          earlier.awaitUninterruptibly();
        } else if (wakeAt - now > 0) {
          awaitQuietly(wakeAt - now);
        } else {
          takeDue(now, due);
          lock.unlock();
          try {
            runAll(due);
          } finally {
            lock.lock();
          }
        }
      }
    } finally {
      // Should anything still escape, the next task starts a thread again.
      thread = null;
      lock.unlock();
    }
  }

  /** Waits for the wake time or an earlier task; an interrupt a task left behind is cleared. */
  private void awaitQuietly(long nanos) {
    try {
      earlier.awaitNanos(nanos);
    } catch (InterruptedException ignored) {
      // Nobody stops the timer by interrupting it: close() does.
    }
  }

  /**
   * Moves the tasks due by {@code now} to {@code due}, earliest first, and sets the next wake to
   * the earliest task left.
   */
  private void takeDue(long now, List<Task> due) {
    awake = false;
    Task next;
    for (Task task = pending.next; task != pending; task = next) {
      next = task.next;
      if (task.due - now <= 0) {
        task.unlink();
        due.add(task);
      } else if (!awake || task.due - wakeAt < 0) {
        wakeAt = task.due;
        awake = true;
      }
    }
    due.sort((one, other) -> Long.signum(one.due - other.due));
  }

  private static void runAll(List<Task> due) {
    for (Task task : due) {
      try {
        task.action.run();
      } catch (Throwable ignored) {
        // One task's failure must not stop the timer of every call.
      }
    }
    due.clear();
  }

  /** Whether the timer is closed and has nothing left to run; with the lock held. */
  private boolean finished() {
    return closed && pending.next == pending;
  }

  /** Lets what is pending run, then ends the thread. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      earlier.signal();
    } finally {
      lock.unlock();
    }
  }

  /** A task on the list, and what takes it off; unlinking one already off it does nothing. */
  private final class Task implements Runnable {
    final long due;
    final Runnable action;
    Task previous = this;
    Task next = this;

    Task(long due, Runnable action) {
      this.due = due;
      this.action = action;
    }

    /** Takes the task off the list; one already taken to run still runs. */
    @Override
    public void run() {
      lock.lock();
      try {
        unlink();
        if (finished()) {
          earlier.signal();
        }
      } finally {
        lock.unlock();
      }
    }

    void linkAfter(Task sentinel) {
      previous = sentinel;
      next = sentinel.next;
      sentinel.next.previous = this;
      sentinel.next = this;
    }

    void unlink() {
      previous.next = next;
      next.previous = previous;
      previous = this;
      next = this;
    }
  }
}
