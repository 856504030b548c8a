package dev.settle.card;

import static dev.settle.exception.ValidationException.required;

import dev.settle.exception.ValidationException;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * The id of a card setup, such as {@code cs_7Hd2Lm4Qx}: what {@link
 * dev.settle.AuthenticationRequiredException#setupId()} names when a card's bank asks the customer
 * to authenticate before the card is saved.
 *
 * <p>Checked when created ({@code cs_} then 1 to 64 letters or digits), so an id mangled on its
 * way through a session or a redirect fails before any request.
 */
@Value.Immutable
public abstract class CardSetupId {
  private static final Pattern FORMAT = Pattern.compile("cs_[A-Za-z0-9]{1,64}");

  CardSetupId() {}

  /** {@return the id as the server wrote it} */
  @Value.Parameter
  public abstract String value();

  /**
   * Returns the id for {@code value}.
   *
   * @param value a card setup id, such as {@code cs_…}
   * @return the typed id
   * @throws ValidationException with param {@code setup_id} if it is not of the form {@code cs_…}
   */
  public static CardSetupId of(String value) {
    if (!isValid(required(value, "value"))) {
      throw new ValidationException("setup_id", "Expected a card setup id of the form cs_…");
    }
    return ImmutableCardSetupId.of(value);
  }

  static boolean isValid(String value) {
    return value != null && FORMAT.matcher(value).matches();
  }

  @Override
  public String toString() {
    return value();
  }
}
