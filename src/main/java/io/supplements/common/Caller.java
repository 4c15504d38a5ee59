package io.supplements.common;

import jakarta.enterprise.context.RequestScoped;

/** Who is calling, as established by the API key filter from the {@code Authorization} header. */
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

    /** The OpenAPI extension naming an operation's role; the key filter enforces exactly what it documents. */
    public static final String REQUIRED_ROLE = "x-required-role";

    private Role role;
    private Long keyId;

    public void authenticate(Role role, Long keyId) {
        this.role = role;
        this.keyId = keyId;
    }

    /** Drafts are visible to readers and above. */
    public boolean canReadDrafts() {
        return role != null;
    }

    public boolean is(Role needed) {
        return role != null && role.includes(needed);
    }

    /** The caller's key, or null for the bootstrap admin key (SUPPLEMENTS_ADMIN_KEY) and anonymous callers. */
    public Long keyId() {
        return keyId;
    }

    public void require(Role needed) {
        if (role == null) {
            throw ProblemException.unauthorized(
                    "This operation needs an API key: send 'Authorization: Bearer <key>'.");
        }
        if (!role.includes(needed)) {
            throw ProblemException.forbidden("This operation needs a key with the '" + needed + "' role; yours has '" + role + "'.");
        }
    }
}
