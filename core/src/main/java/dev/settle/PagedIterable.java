package dev.settle;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * All items of a paged list, fetched one page at a time as iteration reaches them.
 *
 * <p>Nothing is requested until iteration starts; each iterator walks the list from the first
 * page, so iterating twice asks the server twice. Stop early and no further pages are fetched:
 *
 * <pre>{@code
 * for (Invoice invoice : account.invoices().list()) {
 *   if (invoice.status() == InvoiceStatus.OPEN) { ... }
 * }
 * account.invoices().list().stream().limit(5).forEach(System.out::println);
 * }</pre>
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {
  private final Function<String, Page<T>> fetch;

  PagedIterable(Function<String, Page<T>> fetch) {
    this.fetch = fetch;
  }

  @Override
  public Iterator<T> iterator() {
    return new Iterator<>() {
      private final ArrayDeque<T> buffered = new ArrayDeque<>();
      private String cursor;
      private boolean more = true;

      @Override
      public boolean hasNext() {
        while (buffered.isEmpty() && more) {
          Page<T> page = fetch.apply(cursor);
          buffered.addAll(page.items());
          cursor = page.nextCursor();
          more = page.hasMore() && cursor != null;
        }
        return !buffered.isEmpty();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return buffered.poll();
      }
    };
  }

  /** The items as a sequential, lazy stream. */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /** One page as the server sent it. */
  record Page<T>(List<T> items, boolean hasMore, String nextCursor) {}
}
