package io.supplements.common;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/**
 * Who is calling, as Quarkus Security established it from the {@code Authorization} header
 * (io.supplements.key.ApiKeyMechanism): anonymous, or a key with a role.
 */
@RequestScoped
public class Caller {
    /** Each role has the rights of the ones before it. */
    public enum Role {
        /** may read drafts */
        reader,
        /** may write content */
        editor,
        /** may manage API keys */
        admin;

        public boolean includes(Role other) {
            return compareTo(other) >= 0;
        }
    }

    /** The OpenAPI extension naming an operation's role, derived from its {@code @RolesAllowed} (OpenApiFilter). */
    public static final String REQUIRED_ROLE = "x-required-role";
    /** The identity attribute holding a stored key's id. */
    public static final String KEY_ID = "keyId";

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Any valid key: every role may read drafts. */
    public boolean hasKey() {
        return !identity.isAnonymous();
    }

    public boolean is(Role needed) {
        return identity.hasRole(needed.name());
    }

    /** The key's role; null for an anonymous caller. */
    public Role role() {
        Role highest = null;
        for (Role r : Role.values()) {
            if (identity.hasRole(r.name())) {
                highest = r;
            }
        }
        return highest;
    }

    /** The caller's key, or null for the bootstrap admin key (SUPPLEMENTS_ADMIN_KEY) and anonymous callers. */
    public Long keyId() {
        return identity.getAttribute(KEY_ID);
    }

    /** For a check an annotation cannot express (a parameter's value decides it). */
    public void require(Role needed) {
        if (!hasKey()) {
            throw ProblemException.needsKey();
        }
        if (!is(needed)) {
            throw ProblemException.needsRole(needed.name(), role());
        }
    }
}
