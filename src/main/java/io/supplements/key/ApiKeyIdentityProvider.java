package io.supplements.key;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.supplements.common.Caller;
import io.supplements.common.Caller.Role;
import io.supplements.common.RateLimiter;
import io.supplements.common.SupplementsConfig;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Whose bearer key it is: the bootstrap admin key (SUPPLEMENTS_ADMIN_KEY) or a stored, unrevoked key. The
 * identity holds the key's role and every role below it (an editor is a reader too), so {@code @RolesAllowed}
 * names the least role an operation needs. A key that is neither counts against its address's rate limit
 * (guessing keys is limited like any anonymous traffic) and fails authentication.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
    private final ApiKeyService keys;
    private final RateLimiter limiter;
    private final String adminKeyDigest;

    ApiKeyIdentityProvider(ApiKeyService keys, RateLimiter limiter, SupplementsConfig config) {
        this.keys = keys;
        this.limiter = limiter;
        this.adminKeyDigest = config.adminKey()
                .filter(k -> !k.isBlank())
                .map(ApiKeyService::digest)
                .orElse(null);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> identify(request));
    }

    private SecurityIdentity identify(TokenAuthenticationRequest request) {
        String digest = ApiKeyService.digest(request.getToken().getToken());
        // Comparing digests in constant time tells a guesser nothing about how close they came.
        if (adminKeyDigest != null
                && MessageDigest.isEqual(
                        digest.getBytes(StandardCharsets.US_ASCII),
                        adminKeyDigest.getBytes(StandardCharsets.US_ASCII))) {
            return identity("admin-key", Role.admin, null);
        }
        ApiKeyService.Holder key = QuarkusTransaction.requiringNew()
                .call(() -> keys.authenticateDigest(digest))
                .orElse(null);
        if (key == null) {
            RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
            if (http != null) {
                limiter.takeForAddress(http.request(), http.response());
            }
            throw new AuthenticationFailedException("The API key is not valid (or has been revoked).");
        }
        return identity("key-" + key.id(), key.role(), key.id());
    }

    private static SecurityIdentity identity(String name, Role role, Long keyId) {
        QuarkusSecurityIdentity.Builder identity =
                QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name));
        Arrays.stream(Role.values()).filter(role::includes).forEach(r -> identity.addRole(r.name()));
        if (keyId != null) {
            identity.addAttribute(Caller.KEY_ID, keyId);
        }
        return identity.build();
    }
}
