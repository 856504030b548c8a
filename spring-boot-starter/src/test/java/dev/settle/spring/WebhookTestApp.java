package dev.settle.spring;

import dev.settle.webhooks.WebhookEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/** A web application that only receives webhooks, with a fixed clock and a listener that records every event. */
@SpringBootConfiguration
@EnableAutoConfiguration
class WebhookTestApp {
  static final Instant NOW = Instant.parse("2026-03-01T10:15:31Z");

  @Bean
  Clock clock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }

  @Bean
  Received received() {
    return new Received();
  }

  /** What the application's listeners were given; set {@link #failing} to make them throw. */
  static final class Received {
    final List<WebhookEvent> events = new CopyOnWriteArrayList<>();
    final AtomicBoolean failing = new AtomicBoolean();

    @EventListener
    void on(WebhookEvent event) {
      if (failing.get()) {
        throw new IllegalStateException("the listener is down");
      }
      events.add(event);
    }
  }
}
