package dev.settle;

import static dev.settle.MockServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.model.CustomerId;
import dev.settle.model.License;
import dev.settle.model.LicenseId;
import dev.settle.model.LicenseStatus;
import dev.settle.model.Money;
import dev.settle.testing.Contract;
import dev.settle.testing.Json;
import java.time.Instant;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class LicensesTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private Licenses licenses() {
    return MockServer.client(server).account(CustomerId.of("200001")).licenses();
  }

  @Test
  void listsAndReadsLicenses() throws Exception {
    server.enqueue(json(200, Json.page(false, null, Json.license("lic_1", "active", false, "[]"))));

    License license = licenses().list().stream().findFirst().orElseThrow();

    assertThat(license.id()).isEqualTo(LicenseId.of("lic_1"));
    assertThat(license.status()).isEqualTo(LicenseStatus.ACTIVE);
    assertThat(license.price()).isEqualTo(Money.ofMinor(11900, "EUR"));
    assertThat(license.renewsAt()).hasValue(Instant.parse("2027-01-01T00:00:00Z"));
    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/accounts/200001/licenses");
    Contract.assertValidRequest(request);
  }

  @Test
  void aLicenseNamesItsAccountAndTheStagesOfAnUnpaidRenewal() {
    server.enqueue(json(200, Json.page(false, null, Json.license("lic_1", "past_due", true, "[]"),
        Json.license("lic_2", "suspended", true, "[]"), Json.license("lic_3", "on_hold_later", true, "[]"))));

    var read = licenses().list().stream().toList();

    assertThat(read).extracting(License::status)
        .containsExactly(LicenseStatus.PAST_DUE, LicenseStatus.SUSPENDED, LicenseStatus.UNKNOWN);
    assertThat(read).allSatisfy(license -> assertThat(license.customerId()).isEqualTo(CustomerId.of("200001")));
    Contract.assertValidResponse("GET", "/v1/accounts/200001/licenses/lic_1", 200, "application/json",
        Json.license("lic_1", "suspended", true, "[]"));
  }

  @Test
  void aLicenseWithoutItsCustomerIdIsMalformed() {
    server.enqueue(json(200, Json.license("lic_1", "active", true, "[]").replace("\"customer_id\":\"200001\",", "")));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> licenses().get(LicenseId.of("lic_1")))
        .isInstanceOf(dev.settle.exception.MalformedResponseException.class)
        .hasMessageContaining("license.customer_id");
  }

  @Test
  void activatesAPurchasedLicense() throws Exception {
    server.enqueue(json(200, Json.license("lic_2", "active", false, "[]")));

    assertThat(licenses().activate(LicenseId.of("lic_2")).status()).isEqualTo(LicenseStatus.ACTIVE);

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/accounts/200001/licenses/lic_2/activate");
    Contract.assertValidRequest(request);
  }

  @Test
  void turnsAutoRenewalOnAndShowsTheWarningWhenNothingIsPreferred() throws Exception {
    server.enqueue(json(200, Json.license("lic_1", "active", true, "[\"no_preferred_payment_method\"]")));

    License license = licenses().setAutoRenewal(LicenseId.of("lic_1"), true);

    assertThat(license.autoRenewal()).isTrue();
    assertThat(license.warnings()).containsExactly("no_preferred_payment_method");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/accounts/200001/licenses/lic_1/auto_renewal");
    assertThat(request.getBody().utf8()).isEqualTo("{\"enabled\":true}");
    Contract.assertValidRequest(request);
  }
}
