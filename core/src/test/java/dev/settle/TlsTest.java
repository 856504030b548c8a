package dev.settle;

import static dev.settle.MockServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.exception.ConnectionException;
import dev.settle.exception.SettleConfigurationException;
import dev.settle.model.CustomerId;
import dev.settle.testing.Json;
import java.net.URI;
import javax.net.ssl.SSLPeerUnverifiedException;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.CertificatePinner;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTPS against a local TLS server: trusted chains work, pins are enforced, plain HTTP is refused. */
class TlsTest {
  @StartStop final MockWebServer server = new MockWebServer();
  private OkHttpClient trusting;
  private HeldCertificate serverCertificate;

  @BeforeEach
  void serveHttpsWithALocalCertificateAuthority() {
    HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0).commonName("Settle test root").build();
    serverCertificate = new HeldCertificate.Builder().signedBy(root).addSubjectAlternativeName("localhost").build();
    server.useHttps(new HandshakeCertificates.Builder().heldCertificate(serverCertificate).build().sslSocketFactory());
    HandshakeCertificates clientTrust = new HandshakeCertificates.Builder().addTrustedCertificate(root.certificate()).build();
    trusting = new OkHttpClient.Builder()
        .sslSocketFactory(clientTrust.sslSocketFactory(), clientTrust.trustManager()).build();
  }

  private SettleClient.Builder client() {
    return SettleClient.builder().baseUrl(URI.create("https://localhost:" + server.getPort() + "/"))
        .apiKey(MockServer.API_KEY).okHttpClient(trusting).retryPolicy(RetryPolicy.none());
  }

  @Test
  void callsOverHttpsWithTheRightPin() throws Exception {
    server.enqueue(json(200, Json.account("200001", "II", "null")));
    String pin = CertificatePinner.pin(serverCertificate.certificate());

    var account = client().certificatePins("localhost", pin).build().account(CustomerId.of("200001")).get();

    assertThat(account.customerId().value()).isEqualTo("200001");
    assertThat(server.takeRequest().getHandshake()).isNotNull();
  }

  @Test
  void aWrongPinFailsBeforeAnyRequestIsSent() {
    SettleClient pinnedElsewhere = client()
        .certificatePins("localhost", "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=").build();

    assertThatThrownBy(() -> pinnedElsewhere.account(CustomerId.of("200001")).get())
        .isInstanceOf(ConnectionException.class)
        .hasCauseInstanceOf(SSLPeerUnverifiedException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aMalformedPinIsAConfigurationError() {
    assertThatThrownBy(() -> client().certificatePins("localhost", "md5/abc"))
        .isInstanceOf(SettleConfigurationException.class);
  }

  @Test
  void plainHttpIsRefusedForAHostThatIsNotLoopback() {
    assertThatThrownBy(() -> SettleClient.builder().baseUrl(URI.create("http://billing.example.com/")))
        .isInstanceOf(SettleConfigurationException.class).hasMessageContaining("HTTPS");
  }
}
