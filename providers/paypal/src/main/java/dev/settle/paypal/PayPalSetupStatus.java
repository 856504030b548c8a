package dev.settle.paypal;

import dev.settle.exception.ConflictException;
import dev.settle.exception.SettleException;
import java.util.Optional;
import dev.settle.exception.ValidationException;

/**
 * Where a {@link PayPalSetup} stands in its life: waiting for the payer, approved, or over.
 *
 * <pre>
 * PAYER_ACTION_REQUIRED ──approve──▶ APPROVED ──complete──▶ COMPLETED
 *        │  └──────cancel──────▶ CANCELLED
 *        └──────time runs out───▶ EXPIRED
 * </pre>
 *
 * <p>Only an {@link #APPROVED} setup can be completed. A newer server may report a status this
 * version does not know; it reads as {@link #UNKNOWN} rather than failing, and is best treated like
 * a setup that cannot be completed yet.
 */
public enum PayPalSetupStatus {
  /** The payer has not yet approved (or cancelled) at the setup's approval URL. */
  PAYER_ACTION_REQUIRED("payer_action_required", "payer_action_required"),
  /** The payer approved; the setup can be completed into a stored method. */
  APPROVED("approved", null),
  /** The payer cancelled at PayPal. Final: start a new setup. */
  CANCELLED("cancelled", "setup_cancelled"),
  /** The payer did not act before {@link PayPalSetup#expiresAt()}. Final: start a new setup. */
  EXPIRED("expired", "setup_expired"),
  /** The setup was completed and its PayPal account stored. Final: a setup completes once. */
  COMPLETED("completed", "setup_already_completed"),
  /** A status this version of Settle does not know, from a newer server. */
  UNKNOWN(null, null);

  private final String wireName;
  private final String conflictCode;

  PayPalSetupStatus(String wireName, String conflictCode) {
    this.wireName = wireName;
    this.conflictCode = conflictCode;
  }

  /** {@return true only for {@link #APPROVED}: the one status in which completing can succeed} */
  public boolean canComplete() {
    return this == APPROVED;
  }

  /**
   * {@return true for {@link #CANCELLED}, {@link #EXPIRED} and {@link #COMPLETED}: the setup will
   * not change again, so there is no point in reading it back}
   */
  public boolean isFinal() {
    return this == CANCELLED || this == EXPIRED || this == COMPLETED;
  }

  /**
   * Why a completion was refused: the status the server named when it answered a completion
   * ({@link PayPal#complete}, or adding or switching to a {@link PayPalApproval}) with a conflict.
   *
   * <pre>{@code
   * try {
   *   paypal.complete(setupId);
   * } catch (ConflictException e) {
   *   PayPalSetupStatus status = PayPalSetupStatus.ofRefusedCompletion(e).orElseThrow(() -> e);
   *   // PAYER_ACTION_REQUIRED: not approved yet; CANCELLED or EXPIRED: start a new setup;
   *   // COMPLETED: this setup was already stored.
   * }
   * }</pre>
   *
   * <p>The server's 409 codes map as {@code payer_action_required} → {@link
   * #PAYER_ACTION_REQUIRED}, {@code setup_cancelled} → {@link #CANCELLED}, {@code setup_expired}
   * → {@link #EXPIRED} and {@code setup_already_completed} → {@link #COMPLETED}.
   *
   * @param failure what a completion threw
   * @return empty for any other failure, including other conflicts such as
   *     {@code portal_single_method}
   */
  public static Optional<PayPalSetupStatus> ofRefusedCompletion(SettleException failure) {
    if (!(ValidationException.required(failure, "failure") instanceof ConflictException)) {
      return Optional.empty();
    }
    String code = ((ConflictException) failure).code().orElse(null);
    for (PayPalSetupStatus status : values()) {
      if (status.conflictCode != null && status.conflictCode.equals(code)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }

  /** The status the API calls {@code wireName}; {@link #UNKNOWN} for one this version lacks. */
  static PayPalSetupStatus fromWireName(String wireName) {
    for (PayPalSetupStatus status : values()) {
      if (status.wireName != null && status.wireName.equals(wireName)) {
        return status;
      }
    }
    return UNKNOWN;
  }
}
