package dev.settle.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/** The failure analyzer is registered: a real start-up without a key ends with Boot's report naming it. */
@ExtendWith(OutputCaptureExtension.class)
class FailureReportTest {
  @Test
  void aMissingKeyEndsTheStartWithAReportThatNamesTheProperty(CapturedOutput output) {
    SpringApplication application = new SpringApplication(App.class);
    application.setWebApplicationType(WebApplicationType.NONE);

    assertThatThrownBy(() -> application.run("--settle.base-url=http://127.0.0.1:1/"))
        .hasRootCauseInstanceOf(InvalidSettlePropertyException.class);

    assertThat(output.getAll())
        .contains("APPLICATION FAILED TO START")
        .contains("Settle could not be configured. settle.api-key: The API key is not set.")
        .contains("Set settle.api-key in the application's configuration")
        .contains("SETTLE_APIKEY");
  }

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration(SettleAutoConfiguration.class)
  static class App {}
}
