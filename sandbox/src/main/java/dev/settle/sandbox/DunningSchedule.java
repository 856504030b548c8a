package dev.settle.sandbox;

import static dev.settle.exception.ValidationException.required;

import java.util.List;

/**
 * When the sandbox retries an automatic charge that failed, and how long a renewal may stay
 * unpaid after the last try before its license is suspended.
 *
 * <p>{@link #retryDays()} are days after the first failed charge: the default {@code 1, 3, 5, 7}
 * retries a day, three, five and seven days after it. Only soft declines (such as {@code
 * insufficient_funds}) are retried; a hard decline, a charge the customer must authenticate, or
 * no preferred method waits for the customer. Whatever happened, the license of an unpaid renewal
 * is {@code past_due} from the last retry day on, and {@code suspended} {@link
 * #suspendAfterDays()} days later (the default: day 14, the renewal invoice's due date).
 *
 * <pre>{@code
 * SettleSandbox.builder().dunningSchedule(DunningSchedule.of(List.of(2, 4), 3)).build();
 * }</pre>
 *
 * @param retryDays strictly increasing days from 1 to 365, at most 20 of them (Visa allows 20
 *     tries in 30 days); empty for no retry
 * @param suspendAfterDays days from 0 to 365 between past due and suspended
 */
public record DunningSchedule(List<Integer> retryDays, int suspendAfterDays) {
  static final int MAX_RETRIES = 20;
  static final int MAX_DAYS = 365;
  private static final DunningSchedule DEFAULT = new DunningSchedule(List.of(1, 3, 5, 7), 7);

  /**
   * Checks the schedule.
   *
   * @param retryDays strictly increasing days from 1 to 365, at most 20 of them
   * @param suspendAfterDays days from 0 to 365 between past due and suspended
   * @throws IllegalArgumentException if the days are out of range or not strictly increasing
   */
  public DunningSchedule {
    retryDays = List.copyOf(required(retryDays, "retryDays"));
    try {
      check(retryDays.stream().map(Integer::longValue).toList(), suspendAfterDays);
    } catch (ApiError refused) {
      throw refused.forJava();
    }
  }

  /** The rules of a schedule, refused as {@code POST /sandbox/dunning} refuses them: naming the field. */
  static void check(List<Long> retryDays, long suspendAfterDays) {
    if (retryDays.size() > MAX_RETRIES) {
      throw ApiError.parameterInvalid("retry_days", "retry_days holds at most " + MAX_RETRIES + " days.");
    }
    long previous = 0;
    for (long day : retryDays) {
      if (day <= previous || day > MAX_DAYS) {
        throw ApiError.parameterInvalid("retry_days",
            "retry_days must be strictly increasing days from 1 to " + MAX_DAYS + ".");
      }
      previous = day;
    }
    if (suspendAfterDays < 0 || suspendAfterDays > MAX_DAYS) {
      throw ApiError.parameterInvalid("suspend_after_days",
          "suspend_after_days must be an integer from 0 to " + MAX_DAYS + ".");
    }
  }

  /** {@return retries 1, 3, 5 and 7 days after the first failure; suspended 7 days after the last} */
  public static DunningSchedule defaults() {
    return DEFAULT;
  }

  /**
   * The schedule of {@code retryDays}, suspending {@code suspendAfterDays} after the last.
   *
   * @param retryDays strictly increasing days from 1 to 365, at most 20 of them
   * @param suspendAfterDays days from 0 to 365 between past due and suspended
   * @return the schedule
   * @throws IllegalArgumentException if the days are out of range or not strictly increasing
   */
  public static DunningSchedule of(List<Integer> retryDays, int suspendAfterDays) {
    return new DunningSchedule(retryDays, suspendAfterDays);
  }

  /** The day of the last try: the last retry day, or 0 (the first failure) without retries. */
  int lastTryDay() {
    return retryDays.isEmpty() ? 0 : retryDays.get(retryDays.size() - 1);
  }
}
