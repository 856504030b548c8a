package dev.settle;

import static dev.settle.exception.ValidationException.required;

import dev.settle.exception.MalformedResponseException;
import dev.settle.internal.http.Wire;
import dev.settle.spi.ApiCall;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * All items of a paged list, fetched one page at a time as iteration reaches them.
 *
 * <p>Nothing is requested until iteration starts; each iterator walks the list from the first
 * page, so iterating twice asks the server twice. Stop early and no further pages are fetched.
 * One page is held at a time, however long the list:
 *
 * <pre>{@code
 * for (Invoice invoice : account.invoices().list()) {
 *   if (invoice.status() == InvoiceStatus.OPEN) { ... }
 * }
 * account.invoices().list().stream().limit(5).forEach(System.out::println);
 * account.invoices().list().forEachAsync(invoice -> ...).thenRun(...);
 * }</pre>
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {
  private final Backend backend;
  private final RequestOptions options;
  private final Function<@Nullable String, ApiCall<Wire.Page<T>>> pageAfter;

  PagedIterable(Backend backend, RequestOptions options, Function<@Nullable String, ApiCall<Wire.Page<T>>> pageAfter) {
    this.backend = backend;
    this.options = options;
    this.pageAfter = pageAfter;
  }

  @Override
  public Iterator<T> iterator() {
    return new Iterator<>() {
      private List<T> items = List.of();
      private int next;
      private @Nullable String cursor;
      private boolean more = true;

      @Override
      public boolean hasNext() {
        while (next == items.size() && more) {
          Page<T> page = page(backend.call(pageAfter.apply(cursor), options));
          items = page.items();
          next = 0;
          cursor = page.nextCursor();
          more = page.hasMore();
        }
        return next < items.size();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return items.get(next++);
      }
    };
  }

  /** {@return the items as a sequential, lazy stream} */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /**
   * Hands every item to {@code action} without blocking: each page is requested when the one
   * before it has been handed out, so one page is held at a time. The future fails with the
   * first failure; cancelling it cancels the page request in flight and fetches no more.
   *
   * @param action called with each item, in order
   * @return a future that completes when every item has been handed out
   */
  public CompletableFuture<Void> forEachAsync(Consumer<? super T> action) {
    required(action, "action");
    return Steps.async(backend, options, steps -> forEachAsync(steps, null, action));
  }

  private CompletableFuture<Void> forEachAsync(Steps steps, @Nullable String cursor, Consumer<? super T> action) {
    return steps.call(pageAfter.apply(cursor)).thenCompose(wire -> {
      Page<T> page = page(wire);
      page.items().forEach(action);
      return page.hasMore()
          ? forEachAsync(steps, page.nextCursor(), action)
          : CompletableFuture.<Void>completedFuture(null);
    });
  }

  private static <T> Page<T> page(Wire.Page<T> page) {
    if (page.data() == null || page.hasMore() == null) {
      throw new MalformedResponseException("A list response lacks data or has_more", 200, null, null);
    }
    if (page.hasMore() && page.nextCursor() == null) {
      throw new MalformedResponseException(
          "A list response says has_more but gives no next_cursor", 200, null, null);
    }
    // Moshi's list is fresh and never shared, so it is used as it is, not copied.
    return new Page<>(page.data(), page.hasMore(), page.nextCursor());
  }

  private record Page<T>(List<T> items, boolean hasMore, @Nullable String nextCursor) {}
}
