package dev.settle.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import dev.settle.model.WebhookEventType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The event bodies these tests read are the ones the contract describes: each fixture is valid
 * against {@code WebhookEvent} and its type's data schema in {@code settle-api.yaml}, and a
 * fixture missing a required field is not (so the check can fail).
 */
class WebhookContractTest {
  private static final OpenAPI API = load();
  private static final SchemaValidator VALIDATOR = new SchemaValidator(API, new MessageResolver());

  private static OpenAPI load() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser()
        .readLocation(WebhookContractTest.class.getResource("/dev/settle/settle-api.yaml").toString(), null, options)
        .getOpenAPI();
  }

  private static String violations(String json, String schema) {
    ValidationReport report = VALIDATOR.validate(json, new Schema<>().$ref("#/components/schemas/" + schema), "webhook");
    return report.getMessages().stream()
        .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
        .map(ValidationReport.Message::toString)
        .collect(Collectors.joining("\n"));
  }

  @ParameterizedTest
  @CsvSource({
      "invoice.paid, InvoicePaidData",
      "invoice.payment_failed, InvoicePaymentFailedData",
      "payment_method.expiring, PaymentMethodExpiringData",
      "payment_method.updated, PaymentMethodUpdatedData",
      "license.renewed, LicenseRenewedData",
      "license.renewal_failed, LicenseRenewalFailedData",
      "invoice.payment_action_required, InvoicePaymentActionRequiredData",
      "license.suspended, LicenseSuspendedData",
      "license.reactivated, LicenseReactivatedData"})
  void everyFixtureKeepsTheContract(String type, String dataSchema) {
    String data = data(type);

    assertThat(API.getComponents().getSchemas()).containsKeys("WebhookEvent", "WebhookEventType", dataSchema);
    assertThat(violations(Events.event("evt_1", type, data), "WebhookEvent")).isEmpty();
    assertThat(violations(data, dataSchema)).isEmpty();
    assertThat(violations(data.replace("\"customer_id\":\"2", "\"client\":\"2"), dataSchema))
        .contains("customer_id");
    assertThat(violations(Events.event("evt_1", type, data).replace("\"created_at\"", "\"created\""), "WebhookEvent"))
        .contains("created_at");
  }

  private static String data(String type) {
    switch (type) {
      case "invoice.paid":
        return Events.INVOICE_PAID_DATA;
      case "invoice.payment_failed":
        return Events.INVOICE_PAYMENT_FAILED_DATA;
      case "payment_method.expiring":
        return Events.PAYMENT_METHOD_EXPIRING_DATA;
      case "payment_method.updated":
        return Events.PAYMENT_METHOD_UPDATED_DATA;
      case "license.renewed":
        return Events.LICENSE_RENEWED_DATA;
      case "invoice.payment_action_required":
        return Events.INVOICE_PAYMENT_ACTION_REQUIRED_DATA;
      case "license.suspended":
        return Events.LICENSE_SUSPENDED_DATA;
      case "license.reactivated":
        return Events.LICENSE_REACTIVATED_DATA;
      default:
        return Events.LICENSE_RENEWAL_FAILED_DATA;
    }
  }
}
