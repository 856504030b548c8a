package dev.settle.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Tells which {@code settle.*} property to set when the application could not start without it. */
final class InvalidSettlePropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettlePropertyException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettlePropertyException cause) {
    return new FailureAnalysis(
        "Settle could not be configured. " + cause.getMessage() + ".",
        "Set " + cause.property() + " in the application's configuration (for example application.properties), "
            + "or the environment variable " + cause.environmentVariable() + ".",
        cause);
  }
}
