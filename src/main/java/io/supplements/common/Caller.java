package io.supplements.common;

import jakarta.enterprise.context.RequestScoped;

/** Who is calling, as established by {@link ApiKeyFilter} from the {@code Authorization} header. */
@RequestScoped
public class Caller {
    public enum Role { admin }

    private Role role;

    void authenticate(Role role) {
        this.role = role;
    }

    /** Drafts are visible to keyed callers only. */
    public boolean canReadDrafts() {
        return role != null;
    }

    public void require(Role needed) {
        if (role == null) {
            throw ProblemException.unauthorized(
                    "This operation needs an API key: send 'Authorization: Bearer <key>'.");
        }
        if (role != needed) {
            throw ProblemException.forbidden("Your key does not have the '" + needed + "' role.");
        }
    }
}
