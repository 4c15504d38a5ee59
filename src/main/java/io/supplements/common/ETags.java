package io.supplements.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/**
 * Strong ETags: a hash of the exact bytes of a representation, so the tag changes whenever the bytes
 * do (an article's JSON changes when a source it cites is renamed, though its version does not).
 */
@ApplicationScoped
public class ETags {
    private final ObjectMapper json;

    ETags(ObjectMapper json) {
        this.json = json;
    }

    public static String of(byte[] representation) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(representation);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes a response carrying this entity has: byte arrays as they are, anything else as JSON. */
    public byte[] bytes(Object entity) {
        try {
            return entity instanceof byte[] b ? b : json.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A write on an existing resource must name the version it changes: no If-Match is a 428, one
     * that matches none of the resource's current representations is a 412 and nothing is written.
     * Call it after locking the resource, before changing it.
     */
    public void requireMatch(String ifMatch, Supplier<List<Object>> currentRepresentations) {
        requireMatchAny(
                ifMatch,
                () -> currentRepresentations.get().stream()
                        .map(r -> of(bytes(r)))
                        .toList());
    }

    /** As {@link #requireMatch}, given the ETags of the resource's current representations. */
    public void requireMatchAny(String ifMatch, Supplier<List<String>> currentTags) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(
                    428,
                    "precondition-required",
                    "Precondition Required",
                    "Send If-Match with the ETag of the version you are changing (GET it first).",
                    null);
        }
        if (ifMatch.trim().equals("*")) {
            return;
        }
        List<String> tags = Arrays.stream(ifMatch.split(",")).map(String::trim).toList();
        if (currentTags.get().stream().noneMatch(tags::contains)) {
            throw new ProblemException(
                    412,
                    "precondition-failed",
                    "Precondition Failed",
                    "The resource has changed since you read it: GET it again, reapply your change and send its new ETag.",
                    null);
        }
    }
}
