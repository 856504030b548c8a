package dev.settle.model;

import dev.settle.exception.ValidationException;
import java.util.Map;
import org.immutables.value.Value;

/**
 * The details of a payment method whose kind no provider on the classpath knows.
 *
 * <p>Reading such a method never fails: it keeps the kind and the raw attributes as the server
 * sent them, so the caller can show or skip it. Add the kind's provider to read it properly.
 */
@Value.Immutable
public abstract class UnknownPaymentMethodDetails implements PaymentMethodDetails {
  UnknownPaymentMethodDetails() {}

  @Override
  @Value.Parameter
  public abstract String kind();

  /**
   * {@return the kind's attributes as decoded JSON: maps, lists, strings, doubles, booleans or
   * null}
   */
  @Value.Parameter
  public abstract Map<String, Object> attributes();

  /**
   * Returns details of {@code kind} holding {@code attributes}.
   *
   * @param kind the kind's wire name
   * @param attributes the kind's attributes as decoded JSON
   * @return the details
   */
  public static UnknownPaymentMethodDetails of(String kind, Map<String, ?> attributes) {
    return ImmutableUnknownPaymentMethodDetails.of(
        ValidationException.required(kind, "kind"), Map.copyOf(ValidationException.required(attributes, "attributes")));
  }

  @Override
  public String toString() {
    return "UnknownPaymentMethodDetails{kind=" + kind() + "}";
  }
}
