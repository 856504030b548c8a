package dev.settle.sandbox;

import dev.settle.sandbox.Route.Key;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code /sandbox/faults}: the fault switches over HTTP, for a sandbox in another process. Not
 * part of the API contract; needs the API key; never faulted itself.
 *
 * <ul>
 *   <li>{@code POST} with {@code {"seed": 42, "rules": [{"route": "POST /v1/tokens",
 *       "latency_ms": 200, "error_rate": 0.5, "error_status": 503, "rate_limit_burst": 3,
 *       "retry_after_seconds": 2, "drop_before_commit": 0.1, "drop_after_commit": 0.1}]}}
 *       replaces every setting (as {@link SandboxFaults#clear()} then the rules, in order; a rule
 *       without {@code route} is global; every field but {@code error_status} with
 *       {@code error_rate} is optional);
 *   <li>{@code GET} answers the settings in force;
 *   <li>{@code DELETE} switches every fault off, as {@link SandboxFaults#clear()}.
 * </ul>
 *
 * Each answers {@code {"seed": 42, "rules": [...], "injected": {"latency": 0, "error": 0,
 * "rate_limit": 0, "drop_before_commit": 0, "drop_after_commit": 0}}}.
 */
final class FaultApi {
  static final String PATH = "/sandbox/faults";

  private FaultApi() {}

  static List<Route> routes(SandboxFaults faults) {
    return List.of(
        new Route("GET", PATH, 200, Key.NONE, false, Set.of(), call -> answer(faults)),
        new Route("DELETE", PATH, 200, Key.NONE, false, Set.of(), call -> {
          faults.clear();
          return answer(faults);
        }),
        new Route("POST", PATH, 200, Key.NONE, true, Set.of(), call -> {
          configure(faults, call.body());
          return answer(faults);
        }));
  }

  private static void configure(SandboxFaults faults, Object json) {
    Fields body = Fields.of(json).allowOnly("seed", "rules");
    Object rules = ((Map<?, ?>) json).get("rules");
    if (rules != null && !(rules instanceof List)) {
      throw ApiError.parameterInvalid("rules", "rules must be an array of rule objects.");
    }
    List<?> list = rules == null ? List.of() : (List<?>) rules;
    // Everything is checked before anything changes, so a refused request leaves the switches as they were.
    for (int i = 0; i < list.size(); i++) {
      apply(null, list.get(i), "rules." + i);
    }
    Long seed = ((Map<?, ?>) json).get("seed") == null ? null : body.requiredLong("seed", Long.MIN_VALUE, Long.MAX_VALUE);
    synchronized (faults) {
      faults.clear();
      if (seed != null) {
        faults.seed(seed);
      }
      for (int i = 0; i < list.size(); i++) {
        apply(faults, list.get(i), "rules." + i);
      }
    }
  }

  /** Checks one rule, and applies it when {@code target} is not null. */
  private static void apply(SandboxFaults target, Object rule, String param) {
    if (!(rule instanceof Map<?, ?> map)) {
      throw ApiError.parameterInvalid(param, param + " must be an object.");
    }
    Fields fields = Fields.of(rule).allowOnly("route", "latency_ms", "error_rate", "error_status",
        "rate_limit_burst", "retry_after_seconds", "drop_before_commit", "drop_after_commit");
    String route = fields.optionalString("route", null, "a route such as \"POST /v1/tokens\"");
    SandboxFaults.Rules rules;
    try {
      rules = target == null ? null : route == null ? target.all() : target.route(route);
      if (target == null && route != null) {
        FaultRoute.parse(route);
      }
    } catch (IllegalArgumentException e) {
      throw ApiError.parameterInvalid(param + ".route", e.getMessage());
    }
    Long latency = map.get("latency_ms") == null ? null : fields.requiredLong("latency_ms", 0, 60_000);
    Double errorRate = rate(map, "error_rate", param);
    Long errorStatus = map.get("error_status") == null ? null : fields.requiredLong("error_status", 400, 599);
    if (errorRate != null && errorStatus == null) {
      throw ApiError.parameterMissing(param + ".error_status");
    }
    Long burst = map.get("rate_limit_burst") == null ? null : fields.requiredLong("rate_limit_burst", 0, 1_000_000);
    Long retryAfter = map.get("retry_after_seconds") == null ? null
        : fields.requiredLong("retry_after_seconds", 0, 3600);
    Double dropBefore = rate(map, "drop_before_commit", param);
    Double dropAfter = rate(map, "drop_after_commit", param);
    if (rules == null) {
      return;
    }
    if (latency != null) {
      rules.latency(Duration.ofMillis(latency));
    }
    if (errorRate != null) {
      rules.errorRate(errorRate, errorStatus.intValue());
    }
    if (burst != null) {
      rules.rateLimitBurst(burst.intValue(), Duration.ofSeconds(retryAfter == null ? 1 : retryAfter));
    }
    if (dropBefore != null) {
      rules.dropBeforeCommit(dropBefore);
    }
    if (dropAfter != null) {
      rules.dropAfterCommit(dropAfter);
    }
  }

  private static Double rate(Map<?, ?> map, String name, String param) {
    Object value = map.get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof BigDecimal number) || number.signum() < 0 || number.compareTo(BigDecimal.ONE) > 0) {
      throw ApiError.parameterInvalid(param + "." + name, param + "." + name + " must be a number from 0 to 1.");
    }
    return number.doubleValue();
  }

  /**
   * The settings in force, as {@code POST /sandbox/faults} takes them: the global rule (without
   * {@code route}) first, then the routes', oldest first; rules with nothing switched on are left out.
   */
  static List<Map<String, Object>> settings(SandboxFaults faults) {
    List<Map<String, Object>> settings = new ArrayList<>();
    synchronized (faults) {
      for (SandboxFaults.Rules rules : faults.routesGlobalFirst()) {
        Map<String, Object> rule = Json.object();
        if (rules.route != null) {
          rule.put("route", rules.name);
        }
        if (rules.latency != null) {
          rule.put("latency_ms", rules.latency.toMillis());
        }
        if (rules.errorRate > 0) {
          rule.put("error_rate", rules.errorRate);
          rule.put("error_status", (long) rules.errorStatus);
        }
        if (rules.burstLeft > 0) {
          rule.put("rate_limit_burst", (long) rules.burstLeft);
          rule.put("retry_after_seconds", (rules.retryAfter.toMillis() + 999) / 1000);
        }
        if (rules.dropBeforeCommit > 0) {
          rule.put("drop_before_commit", rules.dropBeforeCommit);
        }
        if (rules.dropAfterCommit > 0) {
          rule.put("drop_after_commit", rules.dropAfterCommit);
        }
        if (rule.size() > (rules.route == null ? 0 : 1)) {
          settings.add(rule);
        }
      }
    }
    return settings;
  }

  private static Map<String, Object> answer(SandboxFaults faults) {
    Map<String, Object> counts = Json.object();
    faults.injected().forEach((kind, count) -> counts.put(kind.name().toLowerCase(Locale.ROOT), count));
    return Json.object("seed", faults.seedValue(), "rules", settings(faults), "injected", counts);
  }
}
