package dev.settle.spring;

import dev.settle.AttemptEvent;
import dev.settle.CallEvent;
import dev.settle.CallListener;
import dev.settle.CallStart;
import java.util.List;
import java.util.function.Consumer;

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
  public void callStarted(CallStart call) {
    each(listener -> listener.callStarted(call));
  }

  @Override
  public void attemptEnded(AttemptEvent attempt) {
    each(listener -> listener.attemptEnded(attempt));
  }

  @Override
  public void callEnded(CallEvent call) {
    each(listener -> listener.callEnded(call));
  }

  private void each(Consumer<CallListener> event) {
    for (CallListener listener : listeners) {
      try {
        event.accept(listener);
      } catch (RuntimeException ignored) {
        // The client ignores a listener's failure too; the next listener still hears of the event.
      }
    }
  }
}
