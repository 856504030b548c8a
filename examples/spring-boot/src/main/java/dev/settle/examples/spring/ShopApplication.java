package dev.settle.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small shop back office on Settle's Spring Boot starter: show an account, switch its preferred
 * card, pay an invoice, and log license renewals as their webhooks arrive.
 *
 * <p>Run it with {@code mvn -B -q -pl examples/spring-boot -am package -DskipTests spring-boot:run}.
 * Without {@code settle.base-url} it starts an embedded sandbox and registers its own webhook
 * endpoint there ({@link EmbeddedSandbox}); with {@code SETTLE_BASEURL}, {@code SETTLE_APIKEY}
 * and {@code SETTLE_WEBHOOKS_SECRETS} set it talks to that billing API instead.
 */
@SpringBootApplication
public class ShopApplication {
  public static void main(String[] args) {
    SpringApplication.run(ShopApplication.class, args);
  }
}
