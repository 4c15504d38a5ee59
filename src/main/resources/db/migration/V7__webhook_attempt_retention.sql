-- The delivery log is pruned by age (supplements.webhooks.attempt-retention).
create index ix_webhook_attempt_time on webhook_attempt (attempted_at);
