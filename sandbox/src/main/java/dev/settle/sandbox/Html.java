package dev.settle.sandbox;

/** The sandbox's HTML pages (3-D Secure, PayPal approval): one document shape, one escaping. */
final class Html {
  private Html() {}

  /**
   * A page titled {@code title} around {@code body}, which must already be escaped. Written so
   * that it also parses as XHTML, for tests that read it as XML.
   */
  static String document(String title, String body) {
    return "<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>"
        + "<title>" + escape(title) + "</title></head><body><h1>" + escape(title) + "</h1>" + body
        + "</body></html>";
  }

  /** {@code text} with the five characters that HTML gives a meaning replaced by entities. */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
