package dev.settle;

import dev.settle.internal.http.Scheduler;
import dev.settle.internal.http.Sleeper;
import dev.settle.spi.PaymentMethodProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.CertificatePinner;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * What a client is built from: the settings its {@link SettleClient.Builder} checks and collects,
 * read by {@link ClientAssembly}. The builder owns one and changes it; a client keeps a copy, so a
 * builder used again changes no client built before.
 */
final class ClientSettings {
  HttpUrl baseUrl;
  String apiKey;
  OkHttpClient okHttpClient;
  Duration connectTimeout = Duration.ofSeconds(10);
  Duration readTimeout = Duration.ofSeconds(30);
  Duration writeTimeout = Duration.ofSeconds(30);
  Duration callTimeout = Duration.ofSeconds(60);
  Clock clock = Clock.systemUTC();
  boolean discoverProviders = true;
  RetryPolicy retryPolicy = RetryPolicy.defaults();
  int maxConcurrentCalls = 64;
  Sleeper sleeper = Sleeper.SYSTEM;
  @Nullable Scheduler scheduler;
  @Nullable ClientResources shared;
  CallListener listener = CallListener.NONE;
  final CertificatePinner.Builder pins = new CertificatePinner.Builder();
  boolean pinned;
  HttpLogger httpLogger;
  HttpLogger.Level httpLogLevel = HttpLogger.Level.NONE;
  final List<PaymentMethodProvider> providers = new ArrayList<>();

  /** An independent copy: the same settings and the same shared resources. */
  ClientSettings copy() {
    ClientSettings copy = new ClientSettings();
    copy.baseUrl = baseUrl;
    copy.apiKey = apiKey;
    copy.okHttpClient = okHttpClient;
    copy.connectTimeout = connectTimeout;
    copy.readTimeout = readTimeout;
    copy.writeTimeout = writeTimeout;
    copy.callTimeout = callTimeout;
    copy.clock = clock;
    copy.discoverProviders = discoverProviders;
    copy.retryPolicy = retryPolicy;
    copy.maxConcurrentCalls = maxConcurrentCalls;
    copy.sleeper = sleeper;
    copy.scheduler = scheduler;
    copy.shared = shared;
    copy.listener = listener;
    pins.build().getPins().forEach(pin -> copy.pins.add(pin.getPattern(), pin.toString()));
    copy.pinned = pinned;
    copy.httpLogger = httpLogger;
    copy.httpLogLevel = httpLogLevel;
    copy.providers.addAll(providers);
    return copy;
  }
}
