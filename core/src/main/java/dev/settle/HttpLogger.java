package dev.settle;

/**
 * Where Settle writes its HTTP log, one line at a time, already redacted.
 *
 * <p>Even at {@link Level#BODY} no line contains an API key, a card number, a CVC, a token or a
 * webhook secret: headers and JSON fields that carry them are masked before the line is built.
 * Called from the threads that make the calls, possibly several at once: implementations must be
 * thread-safe.
 *
 * <pre>{@code
 * SettleClient.builder()...httpLogger(HttpLogger.system(), HttpLogger.Level.HEADERS)
 * // or into SLF4J:
 * Logger log = LoggerFactory.getLogger("settle.http");
 * SettleClient.builder()...httpLogger(log::debug, HttpLogger.Level.BODY)
 * }</pre>
 */
@FunctionalInterface
public interface HttpLogger {
  /**
   * Writes one line.
   *
   * @param line one line of an exchange, with its secrets masked
   */
  void log(String line);

  /**
   * Logs through the JDK's {@link System.Logger} named {@code dev.settle.http}, at DEBUG.
   *
   * @return a logger writing to {@code System.Logger}
   */
  static HttpLogger system() {
    System.Logger logger = System.getLogger("dev.settle.http");
    return line -> logger.log(System.Logger.Level.DEBUG, line);
  }

  /** How much of each exchange is written. */
  enum Level {
    /** Nothing. */
    NONE,
    /** Request line, status and duration. */
    BASIC,
    /** And the headers, with secrets masked. */
    HEADERS,
    /** And JSON bodies, with secret fields masked; other bodies are summarised by size. */
    BODY
  }
}
