package dev.settle;

import static dev.settle.MockServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.model.CustomerId;
import dev.settle.model.Invoice;
import dev.settle.testing.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Walking the invoices of many accounts at once with {@code forEachAsync} stays lazy and bounded:
 * each walk holds one page, and a page is held only while its call occupies one of the client's
 * {@code maxConcurrentCalls} slots, so no more pages than that are ever held at once, however
 * many walks run.
 */
class BoundedPagingTest {
  private static final int ACCOUNTS = 400;
  private static final int PAGES = 3;
  private static final int PER_PAGE = 5;
  private static final int LIMIT = 4;

  @StartStop final MockWebServer server = new MockWebServer();

  @Test
  void manyWalksAtOnceHoldNoMorePagesThanTheCallsInFlight() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String customer = request.getUrl().pathSegments().get(2);
        String after = request.getUrl().queryParameter("starting_after");
        int page = after == null ? 0 : Integer.parseInt(after.substring(after.indexOf('P') + 1, after.indexOf('I'))) + 1;
        List<String> items = new ArrayList<>();
        for (int i = 0; i < PER_PAGE; i++) {
          items.add(Json.invoice("in_" + customer + "P" + page + "I" + i, "open"));
        }
        boolean more = page < PAGES - 1;
        return json(200, Json.page(more, more ? "in_" + customer + "P" + page + "I" + (PER_PAGE - 1) : null,
            items.toArray(String[]::new)));
      }
    });
    Map<String, Boolean> open = new ConcurrentHashMap<>();
    AtomicInteger held = new AtomicInteger();
    AtomicInteger mostHeld = new AtomicInteger();
    AtomicInteger items = new AtomicInteger();
    try (SettleClient client = MockServer.builder(server).maxConcurrentCalls(LIMIT).build()) {
      List<CompletableFuture<Void>> walks = new ArrayList<>();
      for (int a = 0; a < ACCOUNTS; a++) {
        walks.add(client.account(CustomerId.of(Integer.toString(300_000 + a))).invoices().list()
            .forEachAsync((Invoice invoice) -> {
              String id = invoice.id().value();
              String page = id.substring(0, id.indexOf('I', 3));
              if (id.endsWith("I0")) {
                open.put(page, true);
                mostHeld.accumulateAndGet(held.incrementAndGet(), Math::max);
              }
              items.incrementAndGet();
              if (id.endsWith("I" + (PER_PAGE - 1))) {
                open.remove(page);
                held.decrementAndGet();
              }
            }));
      }
      CompletableFuture.allOf(walks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }

    assertThat(items).hasValue(ACCOUNTS * PAGES * PER_PAGE);
    assertThat(server.getRequestCount()).isEqualTo(ACCOUNTS * PAGES);
    assertThat(mostHeld.get()).as("pages held at once").isBetween(1, LIMIT);
    assertThat(open).isEmpty();
  }
}
