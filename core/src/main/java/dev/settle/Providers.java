package dev.settle;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.settle.exception.MissingProviderException;
import dev.settle.exception.SettleConfigurationException;
import dev.settle.model.PaymentMethodDetails;
import dev.settle.spi.PaymentMethodProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The providers one client uses, one per kind: those registered on the builder, then those found
 * on the classpath for the kinds still missing. Two providers for one kind from the same source
 * are a configuration error, raised when the client is built rather than on first use.
 */
final class Providers {
  private final Map<String, PaymentMethodProvider> byKind;

  private Providers(Map<String, PaymentMethodProvider> byKind) {
    this.byKind = byKind;
  }

  static Providers resolve(List<PaymentMethodProvider> explicit, boolean discover) {
    Map<String, PaymentMethodProvider> chosen = new LinkedHashMap<>();
    for (PaymentMethodProvider provider : explicit) {
      putUnique(chosen, provider, "registered on the builder");
    }
    if (discover) {
      Map<String, PaymentMethodProvider> found = new LinkedHashMap<>();
      try {
        for (PaymentMethodProvider provider : ServiceLoader.load(PaymentMethodProvider.class)) {
          if (!chosen.containsKey(provider.kind())) {
            putUnique(found, provider, "found on the classpath");
          }
        }
      } catch (ServiceConfigurationError e) {
        throw new SettleConfigurationException(
            "A payment-method provider on the classpath could not be loaded: " + e.getMessage());
      }
      chosen.putAll(found);
    }
    return new Providers(Map.copyOf(chosen));
  }

  private static void putUnique(
      Map<String, PaymentMethodProvider> providers, PaymentMethodProvider provider, String where) {
    PaymentMethodProvider previous = providers.putIfAbsent(provider.kind(), provider);
    if (previous != null) {
      throw new SettleConfigurationException(
          "Two providers for payment methods of kind '" + provider.kind() + "' " + where + ": "
              + previous.getClass().getName() + " and " + provider.getClass().getName()
              + "; keep one, or register the one to use on the builder");
    }
  }

  /**
   * The provider of {@code kind}.
   *
   * @throws MissingProviderException naming the artifact to add
   */
  PaymentMethodProvider forKind(String kind) {
    PaymentMethodProvider provider = byKind.get(kind);
    if (provider == null) {
      throw new MissingProviderException(kind);
    }
    return provider;
  }

  Map<String, Function<Moshi, JsonAdapter<? extends PaymentMethodDetails>>> detailsAdapters() {
    Map<String, Function<Moshi, JsonAdapter<? extends PaymentMethodDetails>>> adapters =
        new LinkedHashMap<>();
    byKind.forEach((kind, provider) -> adapters.put(kind, provider::detailsAdapter));
    return adapters;
  }
}
