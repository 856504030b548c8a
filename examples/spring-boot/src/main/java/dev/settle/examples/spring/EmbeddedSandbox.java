package dev.settle.examples.spring;

import dev.settle.SettleClient;
import dev.settle.model.WebhookEndpoint;
import dev.settle.sandbox.SettleSandbox;
import dev.settle.spring.SettleWebhookSecrets;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs the example against a sandbox in the same JVM when no billing API is configured.
 *
 * <p>It starts the sandbox before the context is refreshed and points {@code settle.base-url} and
 * {@code settle.api-key} at it. Once the web server has a port, it registers
 * {@code http://127.0.0.1:<port><settle.webhooks.path>} with the sandbox through the client and
 * keeps the secret the sandbox answered with: it is the application's {@link SettleWebhookSecrets}.
 * Deliveries are signed on the sandbox's clock, so it is the application's {@link Clock} too.
 */
final class EmbeddedSandbox implements ApplicationContextInitializer<GenericApplicationContext> {
  private static final Log LOG = LogFactory.getLog(EmbeddedSandbox.class);

  @Override
  public void initialize(GenericApplicationContext context) {
    ConfigurableEnvironment environment = context.getEnvironment();
    if (environment.containsProperty("settle.base-url")) {
      return;
    }
    SettleSandbox sandbox = SettleSandbox.builder().build().start();
    environment.getPropertySources().addLast(new MapPropertySource("embeddedSandbox",
        Map.of("settle.base-url", sandbox.baseUrl().toString(), "settle.api-key", sandbox.apiKey())));
    Endpoint endpoint = new Endpoint(context, environment.getProperty("settle.webhooks.path", "/settle/webhooks"));
    context.registerBean(SettleSandbox.class, () -> sandbox);
    context.registerBean(Clock.class, sandbox::clock);
    context.registerBean(Endpoint.class, () -> endpoint);
  }

  /** The sandbox's webhook endpoint for this application, registered once the port is known. */
  static final class Endpoint implements SettleWebhookSecrets, ApplicationListener<WebServerInitializedEvent> {
    private final GenericApplicationContext context;
    private final String path;
    private final AtomicReference<String> secret = new AtomicReference<>();

    Endpoint(GenericApplicationContext context, String path) {
      this.context = context;
      this.path = path;
    }

    @Override
    public List<String> current() {
      String known = secret.get();
      return known == null ? List.of() : List.of(known);
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
      if (event.getApplicationContext() != context) {
        return;   // the Actuator's own server on another port, if one is configured
      }
      URI url = URI.create("http://127.0.0.1:" + event.getWebServer().getPort() + path);
      WebhookEndpoint created = context.getBean(SettleClient.class).webhookEndpoints().create(url, List.of());
      secret.set(created.secret().orElseThrow());
      SettleSandbox sandbox = context.getBean(SettleSandbox.class);
      LOG.info("The embedded sandbox at " + sandbox.baseUrl() + " delivers webhooks to " + url
          + "; try: curl " + url.resolve("/accounts/200001"));
    }
  }
}
