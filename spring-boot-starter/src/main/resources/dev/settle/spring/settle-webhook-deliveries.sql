-- Settle webhook de-duplication (settle.webhooks.deduplication=jdbc): one row per delivery id
-- received, kept until twice the verifier's tolerance has passed. Run it once per database, for
-- example as a Flyway migration (copy it to db/migration/V<n>__settle_webhook_deliveries.sql).
-- Written for PostgreSQL; it is plain SQL that most databases accept.
CREATE TABLE settle_webhook_deliveries (
    webhook_id VARCHAR(255) NOT NULL PRIMARY KEY,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX settle_webhook_deliveries_expires_at ON settle_webhook_deliveries (expires_at);
