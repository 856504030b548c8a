package dev.settle;

import dev.settle.internal.http.Wire;
import java.util.List;

/** Checks a wire page and turns it into a {@link PagedIterable.Page}. */
final class Pages {
  private Pages() {}

  static <T> PagedIterable.Page<T> of(Wire.Page<T> page) {
    if (page.data() == null || page.hasMore() == null) {
      throw new MalformedResponseException(
          "A list response lacks data or has_more", 200, null, null);
    }
    if (page.hasMore() && page.nextCursor() == null) {
      throw new MalformedResponseException(
          "A list response says has_more but gives no next_cursor", 200, null, null);
    }
    return new PagedIterable.Page<>(List.copyOf(page.data()), page.hasMore(), page.nextCursor());
  }
}
