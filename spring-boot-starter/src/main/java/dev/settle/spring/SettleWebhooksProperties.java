package dev.settle.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code settle.webhooks.*} properties: the endpoint that receives the billing system's signed
 * webhook deliveries.
 *
 * <p>They are apart from {@link SettleProperties} because the endpoint does not need the client.
 * The webhook secrets are never shown by this class: it has no {@code toString()} of its own, and
 * the Actuator masks them in {@code /actuator/configprops}.
 */
@ConfigurationProperties("settle.webhooks")
public class SettleWebhooksProperties {
  /** The path the endpoint listens on, such as /settle/webhooks; no endpoint unless set. */
  private String path;

  /**
   * The endpoints' signing secrets (whsec_...); a delivery signed with any of them passes, so
   * list the old and the new one while rotating.
   */
  private List<String> secrets = new ArrayList<>();

  /** How far a delivery's timestamp may be from the application's clock, either way. */
  private Duration tolerance = Duration.ofMinutes(5);

  /** Where delivery ids are remembered so that a repeated delivery is published once. */
  private Deduplication deduplication = Deduplication.MEMORY;

  /** The largest body accepted; larger deliveries are refused with 413. */
  private DataSize maxBodySize = DataSize.ofMegabytes(1);

  /**
   * {@return the {@code settle.webhooks.path} property: the path the endpoint listens on, such as
   * /settle/webhooks; no endpoint unless set}
   */
  public String getPath() {
    return path;
  }

  /**
   * Sets the {@code settle.webhooks.path} property: the path the endpoint listens on, such as
   * /settle/webhooks; no endpoint unless set.
   *
   * @param path the new value
   */
  public void setPath(String path) {
    this.path = path;
  }

  /**
   * {@return the {@code settle.webhooks.secrets} property: the endpoints' signing secrets
   * (whsec_...); a delivery signed with any of them passes, so list the old and the new one while
   * rotating}
   */
  public List<String> getSecrets() {
    return secrets;
  }

  /**
   * Sets the {@code settle.webhooks.secrets} property: the endpoints' signing secrets
   * (whsec_...); a delivery signed with any of them passes, so list the old and the new one while
   * rotating.
   *
   * @param secrets the new value
   */
  public void setSecrets(List<String> secrets) {
    this.secrets = secrets;
  }

  /**
   * {@return the {@code settle.webhooks.tolerance} property: how far a delivery's timestamp may
   * be from the application's clock, either way}
   */
  public Duration getTolerance() {
    return tolerance;
  }

  /**
   * Sets the {@code settle.webhooks.tolerance} property: how far a delivery's timestamp may be
   * from the application's clock, either way.
   *
   * @param tolerance the new value
   */
  public void setTolerance(Duration tolerance) {
    this.tolerance = tolerance;
  }

  /**
   * {@return the {@code settle.webhooks.deduplication} property: where delivery ids are
   * remembered so that a repeated delivery is published once}
   */
  public Deduplication getDeduplication() {
    return deduplication;
  }

  /**
   * Sets the {@code settle.webhooks.deduplication} property: where delivery ids are remembered so
   * that a repeated delivery is published once.
   *
   * @param deduplication the new value
   */
  public void setDeduplication(Deduplication deduplication) {
    this.deduplication = deduplication;
  }

  /**
   * {@return the {@code settle.webhooks.max-body-size} property: the largest body accepted;
   * larger deliveries are refused with 413}
   */
  public DataSize getMaxBodySize() {
    return maxBodySize;
  }

  /**
   * Sets the {@code settle.webhooks.max-body-size} property: the largest body accepted; larger
   * deliveries are refused with 413.
   *
   * @param maxBodySize the new value
   */
  public void setMaxBodySize(DataSize maxBodySize) {
    this.maxBodySize = maxBodySize;
  }

  /** Where the ids of received deliveries are kept. */
  public enum Deduplication {
    /** In this instance's memory: enough for one instance. */
    MEMORY,
    /**
     * In the settle_webhook_deliveries table of the application's DataSource, shared by every
     * instance of a scaled-out service; create it with dev/settle/spring/settle-webhook-deliveries.sql.
     */
    JDBC
  }
}
