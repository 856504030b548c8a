package dev.settle.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written reader agrees with {@link Instant#parse} on every form, valid or not. */
class TimestampsTest {

  @Property(tries = 2000, seed = "20261127")
  void readsWhatInstantParseReads(
      @ForAll("instants") Instant instant, @ForAll @IntRange(min = 0, max = 9) int fractionDigits) {
    String text = format(instant, fractionDigits);

    assertThat(Timestamps.parse(text)).as(text).isEqualTo(Instant.parse(text));
  }

  /** Offsets, leap seconds and the forms {@link Instant#parse} tolerates go to it unchanged. */
  @ParameterizedTest
  @ValueSource(strings = {
      "2026-11-01T09:30:00Z", "2026-11-01T09:30:00.5Z", "2026-11-01T09:30:00.123456789Z",
      "2024-02-29T23:59:59Z", "1970-01-01T00:00:00Z", "2026-11-01T09:30:00+01:00",
      "2026-11-01T09:30:00-05:30", "2016-12-31T23:59:60Z", "0001-01-01T00:00:00Z",
      "2026-11-01T24:00:00Z", "2026-11-01T09:30:00.Z"})
  void agreesOnEdgeForms(String text) {
    assertThat(Timestamps.parse(text)).isEqualTo(Instant.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "2026-11-01", "2026-11-01T09:30:00", "2026-13-01T09:30:00Z", "2026-02-30T09:30:00Z",
      "2025-02-29T00:00:00Z", "2026-11-01T09:60:00Z",
      "2026-11-01T09:30:61Z", "2026-11-01T09:30:00.1234567890Z",
      "2026-11-01 09:30:00Z", "2026-1x-01T09:30:00Z", "+2026-11-01T09:30:00Z",
      "2026-11-01T09:30:00,5Z", "２０２６-11-01T09:30:00Z"})
  void refusesWhatInstantParseRefuses(String text) {
    assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> Timestamps.parse(text)).isInstanceOf(DateTimeParseException.class);
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Arbitraries.longs()
        .between(Instant.parse("0001-01-01T00:00:00Z").getEpochSecond(),
            Instant.parse("9999-12-31T23:59:59Z").getEpochSecond())
        .flatMap(seconds -> Arbitraries.integers().between(0, 999_999_999)
            .map(nanos -> Instant.ofEpochSecond(seconds, nanos)));
  }

  /** {@code instant} in UTC with exactly {@code fractionDigits} digits of fraction (truncated). */
  private static String format(Instant instant, int fractionDigits) {
    String whole = instant.toString().substring(0, 19);
    if (fractionDigits == 0) {
      return whole + "Z";
    }
    String nanos = String.format("%09d", instant.getNano());
    return whole + "." + nanos.substring(0, fractionDigits) + "Z";
  }
}
