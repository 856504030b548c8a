/**
 * Webhooks: check that a delivery really comes from the billing system, and read it as a typed
 * event.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.builder()
 *     .secret(System.getenv("SETTLE_WEBHOOK_SECRET"))   // whsec_…
 *     .build();
 *
 * // in the HTTP handler, with the body exactly as received
 * WebhookEvent event = verifier.verify(bodyBytes, requestHeaders);
 * if (event instanceof InvoicePaid paid) {
 *   markPaid(paid.invoiceId());
 * }
 * }</pre>
 *
 * <h2>Signatures</h2>
 *
 * <p>Deliveries are signed as the <a href="https://www.standardwebhooks.com/">Standard
 * Webhooks</a> specification says, so any of its libraries can check them as well: three
 * headers, {@code webhook-id}, {@code webhook-timestamp} (Unix seconds) and {@code
 * webhook-signature}, a space-separated list of {@code v1,<base64 HMAC-SHA256>} of {@code
 * "<id>.<timestamp>.<body>"} keyed with the base64-decoded part of the endpoint's {@code
 * whsec_…} secret (the bare base64 is accepted too, as by the specification's libraries). {@link
 * dev.settle.webhooks.WebhookVerifier} accepts a delivery when its timestamp is within the
 * tolerance (five minutes either way by default) and any {@code v1} signature matches under any
 * of its secrets; several secrets make rotation seamless. Every failure is a {@link
 * dev.settle.exception.WebhookVerificationException} with a {@code reason()}.
 *
 * <p>A framework that binds the JSON body itself checks the signature alone: {@link
 * dev.settle.webhooks.WebhookVerifier#checkSignature} takes the raw bytes and the headers and
 * returns a {@link dev.settle.webhooks.SignatureCheck}, verified or with a reason, without
 * reading the body. Headers are given as a server's {@code Map<String, List<String>>} or as a
 * lookup {@code Function<String, String>}; the map {@link dev.settle.webhooks.WebhookSigner}
 * returns is read through {@code headers::get}, so a signer's output goes straight into a
 * verifier in tests.
 *
 * <h2>Events</h2>
 *
 * <p>Every delivery is one event: {@code {"id": "evt_…", "type": "invoice.paid", "created_at":
 * "<RFC 3339>", "data": {…}}}. {@link dev.settle.webhooks.WebhookEvent} is the root of a closed
 * hierarchy with one class per type (and {@link dev.settle.webhooks.UnknownEvent} for types this
 * version does not know); match on the class, or switch on {@link
 * dev.settle.webhooks.WebhookEvent#type()}. Deliveries repeat: use the event id to do each
 * event's work once.
 *
 * <p>The {@code data} object of each type (fields not marked nullable are required; every type
 * but an unknown one carries the account's {@code customer_id}; amounts are in minor units):
 *
 * <table>
 *   <caption>Event data</caption>
 *   <tr><th>type</th><th>class</th><th>data</th></tr>
 *   <tr><td>{@code invoice.paid}</td><td>{@link dev.settle.webhooks.InvoicePaid}</td>
 *     <td>{@code customer_id}, {@code invoice_id} ({@code in_…}), {@code payment_id}
 *     ({@code py_…}, nullable: null when paid by bank transfer), {@code amount}, {@code currency},
 *     {@code payment_method_id} ({@code pm_…}, nullable), {@code paid_at}</td></tr>
 *   <tr><td>{@code invoice.payment_failed}</td>
 *     <td>{@link dev.settle.webhooks.InvoicePaymentFailed}</td>
 *     <td>{@code customer_id}, {@code invoice_id}, {@code payment_id}, {@code amount},
 *     {@code currency}, {@code payment_method_id}, {@code failure_code} (the API's error code:
 *     {@code card_declined}, {@code expired_card}, {@code incorrect_cvc},
 *     {@code processing_error}, {@code authentication_required}…), {@code decline_code}
 *     (nullable), {@code failure_message} (nullable), {@code dunning} (nullable, for an invoice
 *     collected automatically: {@code attempt_count}, {@code next_payment_attempt} (nullable),
 *     {@code final}; see {@link dev.settle.webhooks.Dunning})</td></tr>
 *   <tr><td>{@code invoice.payment_action_required}</td>
 *     <td>{@link dev.settle.webhooks.InvoicePaymentActionRequired}</td>
 *     <td>{@code customer_id}, {@code invoice_id}, {@code payment_id}, {@code amount},
 *     {@code currency}, {@code payment_method_id}, {@code hosted_url} (where the customer
 *     authenticates the charge, which pays the invoice)</td></tr>
 *   <tr><td>{@code payment_method.expiring}</td>
 *     <td>{@link dev.settle.webhooks.PaymentMethodExpiring}</td>
 *     <td>{@code customer_id}, {@code payment_method_id}, {@code exp_month} (1–12),
 *     {@code exp_year}, {@code preferred}</td></tr>
 *   <tr><td>{@code payment_method.updated}</td>
 *     <td>{@link dev.settle.webhooks.PaymentMethodUpdated}</td>
 *     <td>{@code customer_id}, {@code payment_method_id}, {@code preferred} (as it is now),
 *     {@code exp_month} and {@code exp_year} (nullable, together: a card's expiry now)</td></tr>
 *   <tr><td>{@code license.renewed}</td><td>{@link dev.settle.webhooks.LicenseRenewed}</td>
 *     <td>{@code customer_id}, {@code license_id} ({@code lic_…}), {@code invoice_id} (the paid
 *     renewal invoice), {@code payment_id} (nullable), {@code renews_at} (the next renewal)</td></tr>
 *   <tr><td>{@code license.renewal_failed}</td>
 *     <td>{@link dev.settle.webhooks.LicenseRenewalFailed}</td>
 *     <td>{@code customer_id}, {@code license_id}, {@code invoice_id} (the renewal invoice, left
 *     open), {@code failure_code} ({@code no_preferred_payment_method} or a payment's
 *     {@code failure_code}), {@code payment_id} (nullable: null when nothing was charged),
 *     {@code decline_code} (nullable)</td></tr>
 *   <tr><td>{@code license.suspended}</td><td>{@link dev.settle.webhooks.LicenseSuspended}</td>
 *     <td>{@code customer_id}, {@code license_id}, {@code invoice_id} (the unpaid renewal
 *     invoice)</td></tr>
 *   <tr><td>{@code license.reactivated}</td><td>{@link dev.settle.webhooks.LicenseReactivated}</td>
 *     <td>{@code customer_id}, {@code license_id}, {@code invoice_id}, {@code payment_id}
 *     (nullable: null when paid by bank transfer), {@code renews_at}</td></tr>
 * </table>
 *
 * <p>Unknown fields are ignored, and each event also keeps its {@code data} object as sent in
 * {@link dev.settle.webhooks.WebhookEvent#data()}, so fields a newer server adds are readable
 * before Settle models them.
 *
 * <p>Every type here is immutable and safe to share between threads. The events' builders, for
 * tests, treat null as the model's builders do (see {@link dev.settle.model}).
 */
@NullMarked
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    overshadowImplementation = true,
    defaults = @Value.Immutable(copy = false),
    jdkOnly = true,
    optionalAcceptNullable = true,
    throwForNullPointer = ValidationException.class)
package dev.settle.webhooks;

import dev.settle.exception.ValidationException;
import org.immutables.value.Value;
import org.jspecify.annotations.NullMarked;
