package dev.settle.sandbox;

import java.util.concurrent.ThreadLocalRandom;

/** Random object ids in the contract's shape: a prefix and letters or digits. */
final class Ids {
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private Ids() {}

  static String random(String prefix) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    StringBuilder id = new StringBuilder(prefix);
    for (int i = 0; i < 24; i++) {
      id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return id.toString();
  }

  static String request() {
    return random("req_");
  }
}
