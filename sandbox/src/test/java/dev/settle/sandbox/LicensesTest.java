package dev.settle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LicensesTest extends SandboxTestCase {

  @Test
  void listsTheAccountsLicenses() {
    Reply reply = http.get("/v1/accounts/200001/licenses");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.list("data")).hasSize(1);
    assertThat(reply.string("data.0.id")).isEqualTo("lic_demo200001");
    assertThat(reply.string("data.0.status")).isEqualTo("active");
    assertThat(reply.get("data.0.auto_renewal")).isEqualTo(true);
    assertThat(reply.list("data.0.warnings")).isEmpty();
    assertThat(reply.number("data.0.price")).isEqualTo(49900);
    assertThat(reply.string("data.0.currency")).isEqualTo("EUR");
    assertThat(reply.string("data.0.activated_at")).isEqualTo("2026-08-23T09:30:00Z");
    assertThat(reply.string("data.0.renews_at")).isEqualTo("2027-08-23T09:30:00Z");
    assertThat(reply.get("has_more")).isEqualTo(false);
  }

  @Test
  void activatesAPurchasedLicenseOnce() {
    Reply purchased = http.get("/v1/accounts/100002/licenses/lic_demo100002");
    assertThat(purchased.string("status")).isEqualTo("purchased");
    assertThat(purchased.get("activated_at")).isNull();
    assertThat(purchased.get("renews_at")).isNull();

    Reply activated = http.postWithoutKey("/v1/accounts/100002/licenses/lic_demo100002/activate", null);

    assertThat(activated.status()).isEqualTo(200);
    assertThat(activated.string("status")).isEqualTo("active");
    assertThat(activated.string("activated_at")).isEqualTo("2026-11-26T09:30:00Z");
    assertThat(activated.string("renews_at")).isEqualTo("2027-11-26T09:30:00Z");

    sandbox.clock().advance(Duration.ofDays(1));
    Reply again = http.postWithoutKey("/v1/accounts/100002/licenses/lic_demo100002/activate", null);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.string("activated_at")).isEqualTo("2026-11-26T09:30:00Z");
  }

  @Test
  void autoRenewalWithoutPreferredMethodCarriesAWarning() {
    Reply on = http.postWithoutKey("/v1/accounts/100001/licenses/lic_demo100001/auto_renewal", "{\"enabled\":true}");

    assertThat(on.status()).isEqualTo(200);
    assertThat(on.get("auto_renewal")).isEqualTo(true);
    assertThat(on.list("warnings")).containsExactly("no_preferred_payment_method");

    Reply off = http.postWithoutKey("/v1/accounts/100001/licenses/lic_demo100001/auto_renewal", "{\"enabled\":false}");
    assertThat(off.get("auto_renewal")).isEqualTo(false);
    assertThat(off.list("warnings")).isEmpty();
  }

  @Test
  void removingThePreferredMethodRaisesTheWarning() {
    http.delete("/v1/accounts/200001/payment_methods/pm_demo200001mastercard");

    Reply reply = http.get("/v1/accounts/200001/licenses/lic_demo200001");

    assertThat(reply.list("warnings")).containsExactly("no_preferred_payment_method");
  }

  @Test
  void autoRenewalNeedsItsFlag() {
    Reply missing = http.postWithoutKey("/v1/accounts/200001/licenses/lic_demo200001/auto_renewal", "{}");
    Reply wrong = http.postWithoutKey("/v1/accounts/200001/licenses/lic_demo200001/auto_renewal", "{\"enabled\":\"on\"}");

    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.string("error.code")).isEqualTo("parameter_missing");
    assertThat(missing.string("error.param")).isEqualTo("enabled");
    assertThat(wrong.string("error.code")).isEqualTo("parameter_invalid");
  }

  @Test
  void unknownLicenseIsNotFound() {
    Reply reply = http.get("/v1/accounts/200001/licenses/lic_demo100001");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.string("error.param")).isEqualTo("license_id");
  }
}
