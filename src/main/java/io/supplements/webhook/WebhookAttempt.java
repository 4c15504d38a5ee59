package io.supplements.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One POST of one entry to a webhook, successful or not: the delivery log. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "webhook_id")
    public long webhookId;

    @Column(name = "message_id")
    public String messageId;

    public long seq;
    public int attempt;

    @Column(name = "attempted_at")
    public Instant attemptedAt;

    public boolean delivered;

    @Column(name = "response_status")
    public Integer responseStatus;

    public String error;

    @Column(name = "duration_ms")
    public int durationMs;
}
