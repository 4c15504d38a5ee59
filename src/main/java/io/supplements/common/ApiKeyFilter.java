package io.supplements.common;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Reads the bearer key. No header means an anonymous caller (published content only); a header that
 * is not a valid key is refused outright, so a client with a mistyped key learns it at once.
 */
public class ApiKeyFilter {
    private static final String BEARER = "Bearer ";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Caller caller;
    private final byte[] adminKeyDigest;

    ApiKeyFilter(Caller caller, SupplementsConfig config) {
        this.caller = caller;
        this.adminKeyDigest = config.adminKey().filter(k -> !k.isBlank()).map(ApiKeyFilter::sha256).orElse(null);
    }

    @ServerRequestFilter
    void authenticate(HttpHeaders headers, Request request) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            // Every write needs a key: say so before the body is even read.
            if (!SAFE_METHODS.contains(request.getMethod())) {
                throw ProblemException.unauthorized("This operation needs an API key: send 'Authorization: Bearer <key>'.");
            }
            return;
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ProblemException.unauthorized("Use 'Authorization: Bearer <key>'.");
        }
        byte[] presented = sha256(authorization.substring(BEARER.length()).trim());
        // Comparing digests in constant time tells a guesser nothing about how close they came.
        if (adminKeyDigest == null || !MessageDigest.isEqual(presented, adminKeyDigest)) {
            throw ProblemException.unauthorized("The API key is not valid.");
        }
        caller.authenticate(Caller.Role.admin);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
