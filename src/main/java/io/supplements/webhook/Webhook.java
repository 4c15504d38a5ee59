package io.supplements.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A receiver of the change feed: where to POST each entry, the secret to sign with, and how far it got. */
@Entity
public class Webhook extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String url;
    public String secret;
    public String description;
    /** change_log seq of the last entry the receiver accepted. */
    public long position;

    @Column(name = "failed_attempts")
    public int failedAttempts;

    @Column(name = "failing_since")
    public Instant failingSince;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_delivered_at")
    public Instant lastDeliveredAt;

    @Column(name = "created_at")
    public Instant createdAt;
    /** The key that registered it; null for the bootstrap admin key. */
    @Column(name = "owner_key_id")
    public Long ownerKeyId;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_until")
    public Instant leaseUntil;
}
