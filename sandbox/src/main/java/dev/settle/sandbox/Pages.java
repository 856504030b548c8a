package dev.settle.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Cursor paging, newest first (or oldest first, for a history). A cursor encodes the list's kind and the creation sequence of the
 * last item shown, so it stays valid when items are added, removed or change status.
 */
final class Pages {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  private Pages() {}

  /** A page request whose cursor has been checked for its list's kind. */
  record Request(int limit, Long afterSequence) {}

  static Request request(String kind, Integer limit, String startingAfter) {
    Long after = startingAfter == null ? null : decode(kind, startingAfter);
    return new Request(limit == null ? DEFAULT_LIMIT : limit, after);
  }

  static <T> Map<String, Object> page(String kind, List<T> items, ToLongFunction<T> sequence,
      Function<T, Object> view, Request request) {
    return page(kind, items, sequence, view, request, false);
  }

  /** A page of {@code items} in creation order, as a history such as an invoice's payments reads. */
  static <T> Map<String, Object> oldestFirst(String kind, List<T> items, ToLongFunction<T> sequence,
      Function<T, Object> view, Request request) {
    return page(kind, items, sequence, view, request, true);
  }

  private static <T> Map<String, Object> page(String kind, List<T> items, ToLongFunction<T> sequence,
      Function<T, Object> view, Request request, boolean oldestFirst) {
    List<T> ordered = new ArrayList<>(items);
    ordered.sort((a, b) -> oldestFirst
        ? Long.compare(sequence.applyAsLong(a), sequence.applyAsLong(b))
        : Long.compare(sequence.applyAsLong(b), sequence.applyAsLong(a)));
    if (request.afterSequence() != null) {
      long after = request.afterSequence();
      ordered.removeIf(item -> oldestFirst ? sequence.applyAsLong(item) <= after : sequence.applyAsLong(item) >= after);
    }
    boolean hasMore = ordered.size() > request.limit();
    List<T> shown = ordered.subList(0, Math.min(request.limit(), ordered.size()));
    String nextCursor = hasMore ? encode(kind, sequence.applyAsLong(shown.get(shown.size() - 1))) : null;
    return Json.object(
        "data", shown.stream().map(view).toList(),
        "has_more", hasMore,
        "next_cursor", nextCursor);
  }

  private static String encode(String kind, long sequence) {
    byte[] plain = (kind + ":" + sequence).getBytes(StandardCharsets.UTF_8);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain);
  }

  private static long decode(String kind, String cursor) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (plain.startsWith(kind + ":")) {
        return Long.parseLong(plain.substring(kind.length() + 1));
      }
    } catch (IllegalArgumentException e) {
      // Not base64 or not a number: the same answer as a cursor of another list.
    }
    throw ApiError.parameterInvalid("starting_after",
        "starting_after must be the next_cursor of a previous page of this list.");
  }
}
