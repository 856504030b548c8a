package dev.settle.model;

import org.immutables.value.Value;

/**
 * The id of a license.
 *
 * <p>Checked when created ({@code lic_…}), so a mistyped id fails before any request.
 */
@Value.Immutable
public abstract class LicenseId {
  LicenseId() {}

  /** {@return the id as the server wrote it} */
  @Value.Parameter
  public abstract String value();

  /**
   * Returns the id for {@code value}.
   *
   * @param value an id of the form {@code lic_…}
   * @return the id
   * @throws dev.settle.exception.ValidationException if it is not of the form {@code lic_…}
   */
  public static LicenseId of(String value) {
    return ImmutableLicenseId.of(Ids.check(value, "lic_", "license_id"));
  }

  @Override
  public String toString() {
    return value();
  }
}
