package dev.settle.spi;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A single-use token, the answer to a tokenization: the only thing a provider's
 * {@link PaymentMethodProvider#tokenize} hands back for Settle to attach to the account.
 *
 * <p>Settle reads it from any answer a provider declares as {@code ApiCall<Token>}, and refuses
 * one whose id is not of the form {@code tok_…} as a malformed response, so that nothing else is
 * ever attached.
 *
 * @param id the token's id, such as {@code tok_1Q2w3E}
 */
public record Token(String id) {
  private static final Pattern ID = Pattern.compile("tok_[A-Za-z0-9]{1,64}");

  /**
   * Whether {@code id} is of the form {@code tok_…}: the only ids Settle attaches.
   *
   * @param id a token id, or null
   * @return whether it is a well-formed token id
   */
  public static boolean isWellFormed(@Nullable String id) {
    return id != null && ID.matcher(id).matches();
  }
}
