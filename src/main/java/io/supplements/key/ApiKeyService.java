package io.supplements.key;

import io.supplements.common.Caller.Role;
import io.supplements.common.Page;
import io.supplements.common.Paging;
import io.supplements.common.ProblemException;
import io.supplements.key.api.ApiKeyView;
import io.supplements.key.api.NewApiKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ApiKeyService {
    private static final String PREFIX = "sak_";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A valid key as the filter needs it. */
    public record Holder(long id, Role role) {}

    private final EntityManager em;
    private final Clock clock;

    ApiKeyService(EntityManager em, Clock clock) {
        this.clock = clock;
        this.em = em;
    }

    @Transactional
    public ApiKeyView create(NewApiKey body) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiKey key = new ApiKey();
        key.name = body.name();
        key.role = body.role();
        key.secretSha = digest(secret);
        key.hint = secret.substring(0, PREFIX.length() + 4);
        key.createdAt = clock.instant();
        em.persist(key);
        em.flush();
        return view(key, secret);
    }

    @Transactional
    public Page<ApiKeyView> list(Paging paging) {
        Long after = paging.afterId();
        List<ApiKey> rows = em.createQuery("from ApiKey k where k.id > ?1 order by k.id", ApiKey.class)
                .setParameter(1, after == null ? 0L : after)
                .setMaxResults(paging.limit() + 1)
                .getResultList();
        return paging.page(rows, k -> k.id.toString(), k -> view(k, null));
    }

    @Transactional
    public ApiKeyView get(long id) {
        return view(find(id), null);
    }

    /** Revoking is immediate: every request looks its key up. Revoking twice changes nothing. */
    @Transactional
    public void revoke(long id) {
        ApiKey key = find(id);
        if (key.revokedAt == null) {
            key.revokedAt = clock.instant();
        }
    }

    /** The valid key whose secret has this {@link #digest}. */
    @Transactional
    public Optional<Holder> authenticateDigest(String digest) {
        return em.createQuery("from ApiKey k where k.secretSha = ?1 and k.revokedAt is null", ApiKey.class)
                .setParameter(1, digest)
                .getResultStream()
                .findFirst()
                .map(k -> new Holder(k.id, k.role));
    }

    /** SHA-256, base64url: the stored form of a secret. */
    public static String digest(String secret) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ApiKey find(long id) {
        ApiKey key = em.find(ApiKey.class, id);
        if (key == null) {
            throw ProblemException.notFound("There is no API key " + id + ".");
        }
        return key;
    }

    private static ApiKeyView view(ApiKey k, String secret) {
        return new ApiKeyView(k.id, k.name, k.role, k.hint, k.createdAt, k.revokedAt, secret);
    }
}
