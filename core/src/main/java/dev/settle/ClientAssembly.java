package dev.settle;

import dev.settle.exception.SettleConfigurationException;
import dev.settle.internal.http.Backoff;
import dev.settle.internal.http.HttpStack;
import dev.settle.internal.http.LoggingInterceptor;
import dev.settle.internal.http.Transport;
import okhttp3.OkHttpClient;

/**
 * Turns a builder's settings into a client: checks the required ones, resolves the providers,
 * takes the resources of the client the builder came from (or creates them), and builds the HTTP
 * stack and the transport on them. The builder only records settings; this is where they meet
 * OkHttp, Retrofit and the retry machinery. A refused setting or provider fails before any
 * resource is created or retained.
 */
final class ClientAssembly {
  private ClientAssembly() {}

  static SettleClient build(ClientSettings settings) {
    if (settings.baseUrl == null) {
      throw new SettleConfigurationException("The base URL is missing");
    }
    if (settings.apiKey == null) {
      throw new SettleConfigurationException("The API key is missing");
    }
    Providers providers = Providers.resolve(settings.providers, settings.discoverProviders);
    ClientResources resources = resources(settings);
    HttpStack http =
        HttpStack.create(
            settings.baseUrl,
            settings.apiKey,
            withPins(settings, resources.okHttp),
            new HttpStack.Timeouts(settings.connectTimeout, settings.readTimeout, settings.writeTimeout),
            providers.detailsAdapters(),
            settings.httpLogLevel == HttpLogger.Level.NONE
                ? null
                : new LoggingInterceptor(settings.httpLogger::log, settings.httpLogLevel.ordinal()));
    Transport transport = new Transport(http, new ExceptionMapping(settings.clock, settings.baseUrl),
        new Backoff(settings.retryPolicy.maxAttempts(), settings.retryPolicy.initialBackoff(),
            settings.retryPolicy.maxBackoff()),
        settings.callTimeout, settings.sleeper, resources.scheduler, resources.timer,
        ListenerEvents.of(settings.listener));
    return new SettleClient(settings, resources, providers, http, transport);
  }

  /** The resources of the client the builder was derived from when they fit, or new ones. */
  private static ClientResources resources(ClientSettings settings) {
    ClientResources shared = settings.shared;
    if (shared != null && shared.fits(settings.okHttpClient, settings.maxConcurrentCalls) && shared.retain()) {
      return shared;
    }
    ClientResources created =
        ClientResources.create(settings.okHttpClient, settings.maxConcurrentCalls, settings.scheduler);
    created.retain();
    return created;
  }

  private static OkHttpClient withPins(ClientSettings settings, OkHttpClient client) {
    return settings.pinned ? client.newBuilder().certificatePinner(settings.pins.build()).build() : client;
  }
}
