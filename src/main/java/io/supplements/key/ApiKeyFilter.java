package io.supplements.key;

import io.supplements.common.Caller;
import io.supplements.common.Caller.Role;
import io.supplements.common.ProblemException;
import io.supplements.common.RateLimiter;
import io.supplements.common.SupplementsConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates the bearer key and enforces the operation's role before its body is read. No header
 * means an anonymous caller (published content only); a header that is not a valid, unrevoked key is
 * refused outright, so a client with a mistyped or revoked key learns it at once. The role an
 * operation needs is the {@code x-required-role} extension of its OpenAPI documentation: what the
 * spec says is what is enforced.
 */
public class ApiKeyFilter {
    private static final String BEARER = "Bearer ";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Caller caller;
    private final ApiKeyService keys;
    private final RateLimiter limiter;
    private final String adminKeyDigest;
    private final Map<Method, Optional<Role>> requiredRoles = new ConcurrentHashMap<>();

    ApiKeyFilter(Caller caller, ApiKeyService keys, RateLimiter limiter, SupplementsConfig config) {
        this.caller = caller;
        this.keys = keys;
        this.limiter = limiter;
        this.adminKeyDigest = config.adminKey().filter(k -> !k.isBlank()).map(ApiKeyService::digest).orElse(null);
    }

    @ServerRequestFilter
    void authenticate(ContainerRequestContext context, HttpHeaders headers, Request request, ResourceInfo resource, HttpServerRequest http) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            // Every write needs a key: say so before the body is even read.
            if (!SAFE_METHODS.contains(request.getMethod())) {
                throw ProblemException.unauthorized("This operation needs an API key: send 'Authorization: Bearer <key>'.");
            }
        } else {
            if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                throw ProblemException.unauthorized("Use 'Authorization: Bearer <key>'.");
            }
            String digest = ApiKeyService.digest(authorization.substring(BEARER.length()).trim());
            // Comparing digests in constant time tells a guesser nothing about how close they came.
            if (adminKeyDigest != null && MessageDigest.isEqual(digest.getBytes(StandardCharsets.US_ASCII),
                    adminKeyDigest.getBytes(StandardCharsets.US_ASCII))) {
                caller.authenticate(Role.admin, null);
            } else {
                ApiKeyService.Holder key = keys.authenticateDigest(digest).orElse(null);
                if (key == null) {
                    limiter.takeForAddress(context, http);
                    throw ProblemException.unauthorized("The API key is not valid (or has been revoked).");
                }
                caller.authenticate(key.role(), key.id());
            }
        }
        requiredRole(resource.getResourceMethod()).ifPresent(caller::require);
    }

    /** Read once per resource method: reflection has no place on every request. */
    private Optional<Role> requiredRole(Method method) {
        if (method == null) {
            return Optional.empty();
        }
        return requiredRoles.computeIfAbsent(method, m -> Arrays.stream(m.getAnnotationsByType(Extension.class))
                .filter(e -> e.name().equals(Caller.REQUIRED_ROLE)).findFirst().map(e -> Role.valueOf(e.value())));
    }
}
