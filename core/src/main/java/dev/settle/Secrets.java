package dev.settle;

/** The one way secrets are shown: never, except for a non-secret prefix that says which kind. */
final class Secrets {
  private Secrets() {}

  /** {@code sk_test_****}: the prefix up to an underscore within the first 8 characters. */
  static String mask(String secret) {
    if (secret == null) {
      return "null";
    }
    int prefixEnd = secret.lastIndexOf('_', Math.min(8, secret.length() - 2));
    return (prefixEnd > 0 ? secret.substring(0, prefixEnd + 1) : "") + "****";
  }
}
