package dev.settle.internal.http;

import static dev.settle.internal.http.ModelAdapters.bool;
import static dev.settle.internal.http.ModelAdapters.skipField;
import static dev.settle.internal.http.ModelAdapters.string;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads one page of a list; whether it is complete is for the pager to judge. */
final class PageAdapter<T> extends ModelAdapters.ReadOnly<Wire.Page<T>> {
  private static final JsonReader.Options FIELDS =
      JsonReader.Options.of("data", "has_more", "next_cursor");

  private final JsonAdapter<T> items;

  PageAdapter(JsonAdapter<T> items) {
    this.items = items;
  }

  @Override
  public Wire.Page<T> fromJson(JsonReader reader) throws IOException {
    List<T> data = null;
    Boolean hasMore = null;
    String nextCursor = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(FIELDS)) {
        case 0 -> data = items(reader);
        case 1 -> hasMore = bool(reader);
        case 2 -> nextCursor = string(reader);
        default -> skipField(reader);
      }
    }
    reader.endObject();
    return new Wire.Page<>(data, hasMore, nextCursor);
  }

  private List<T> items(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      return reader.nextNull();
    }
    List<T> data = new ArrayList<>();
    reader.beginArray();
    while (reader.hasNext()) {
      T item = items.fromJson(reader);
      if (item == null) {
        throw new WireFormatException("A list item is null at $.data[" + data.size() + "]");
      }
      data.add(item);
    }
    reader.endArray();
    return data;
  }

  @Override
  public String toString() {
    return "Page of " + items;
  }
}
