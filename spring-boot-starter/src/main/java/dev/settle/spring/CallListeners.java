package dev.settle.spring;

import dev.settle.AttemptEvent;
import dev.settle.CallEvent;
import dev.settle.CallListener;
import java.util.List;

/** Several listeners as the one a client takes; one that throws does not keep the others from their events. */
final class CallListeners implements CallListener {
  private final List<CallListener> listeners;

  private CallListeners(List<CallListener> listeners) {
    this.listeners = listeners;
  }

  static CallListener of(List<CallListener> listeners) {
    if (listeners.isEmpty()) {
      return CallListener.NONE;
    }
    return listeners.size() == 1 ? listeners.get(0) : new CallListeners(List.copyOf(listeners));
  }

  @Override
  public void attemptEnded(AttemptEvent attempt) {
    for (CallListener listener : listeners) {
      try {
        listener.attemptEnded(attempt);
      } catch (RuntimeException ignored) {
        // The client ignores a listener's failure too; the next listener still hears of the attempt.
      }
    }
  }

  @Override
  public void callEnded(CallEvent call) {
    for (CallListener listener : listeners) {
      try {
        listener.callEnded(call);
      } catch (RuntimeException ignored) {
        // As above.
      }
    }
  }
}
