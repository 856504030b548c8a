package dev.settle.sandbox;

import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Object ids in the contract's shape: a prefix and letters or digits. Unseeded they are random;
 * seeded, the same sequence of draws gives the same ids, so that a sandbox started twice with one
 * seed hands out the same ids for the same requests. Thread-safe.
 */
final class Ids {
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final Long seed;
  /** Null when unseeded; guarded by this object. */
  private Random random;

  private Ids(Long seed) {
    this.seed = seed;
    restart();
  }

  static Ids unseeded() {
    return new Ids(null);
  }

  static Ids seeded(long seed) {
    return new Ids(seed);
  }

  /** Starts the sequence again from the seed, as after a fresh start; unseeded, nothing changes. */
  synchronized void restart() {
    random = seed == null ? null : new Random(seed);
  }

  String next(String prefix) {
    return prefix + draw(ALPHABET, 24);
  }

  /** {@code length} characters of {@code alphabet}. */
  String draw(String alphabet, int length) {
    if (seed == null) {
      return draw(ThreadLocalRandom.current(), alphabet, length);
    }
    synchronized (this) {
      return draw(random, alphabet, length);
    }
  }

  /** A request's id: always random, as requests are not objects of the state. */
  static String request() {
    return "req_" + draw(ThreadLocalRandom.current(), ALPHABET, 24);
  }

  private static String draw(Random source, String alphabet, int length) {
    StringBuilder id = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      id.append(alphabet.charAt(source.nextInt(alphabet.length())));
    }
    return id.toString();
  }
}
