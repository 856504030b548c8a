package dev.settle.examples.spring;

import dev.settle.webhooks.LicenseRenewalFailed;
import dev.settle.webhooks.LicenseRenewed;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Logs each renewal the billing system reports: the events arrive verified and once each. */
@Component
final class RenewalLog {
  private static final Log LOG = LogFactory.getLog(RenewalLog.class);

  @EventListener
  void on(LicenseRenewed renewed) {
    LOG.info("License " + renewed.licenseId() + " of customer " + renewed.customerId() + " renewed (invoice "
        + renewed.invoiceId() + "); next renewal " + renewed.renewsAt());
  }

  @EventListener
  void on(LicenseRenewalFailed failed) {
    LOG.warn("License " + failed.licenseId() + " of customer " + failed.customerId() + " could not renew: "
        + failed.failureCode());
  }
}
