package io.supplements.common;

import io.supplements.common.Problem.FieldError;
import java.util.List;

/**
 * An error that carries its HTTP status and problem type; {@link ProblemMapper} renders it.
 * Messages are written for API clients: they never contain class names, SQL or stack traces.
 * Problem types are relative URI references under {@code /problems/}, listed in the README.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;
    private Long retryAfterSeconds;

    public ProblemException(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not Found", detail, null);
    }

    public static ProblemException badRequest(String type, String detail, List<FieldError> errors) {
        return new ProblemException(400, type, "Bad Request", detail, errors);
    }

    public static ProblemException invalidParameter(String parameter, String detail) {
        return badRequest(
                "invalid-parameter",
                "Invalid query parameter '" + parameter + "': " + detail,
                List.of(FieldError.atParameter(parameter, detail)));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, null);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "unauthorized", "Unauthorized", detail, null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, null);
    }

    /** 401 for an anonymous caller where a key is needed. */
    public static ProblemException needsKey() {
        return unauthorized("This operation needs an API key: send 'Authorization: Bearer <key>'.");
    }

    /** 403 for a key whose role is below the one needed (null: no role may do it). */
    public static ProblemException needsRole(String needed, Caller.Role has) {
        return forbidden(
                needed == null
                        ? "No key may do this."
                        : "This operation needs a key with the '" + needed + "' role; yours has '" + has + "'.");
    }

    /** 429: the client may try again after this many seconds (the Retry-After header). */
    public static ProblemException tooManyRequests(long retryAfterSeconds) {
        ProblemException e = new ProblemException(
                429,
                "rate-limited",
                "Too Many Requests",
                "Too many requests from this key or address; retry after " + retryAfterSeconds + " s.",
                null);
        e.retryAfterSeconds = retryAfterSeconds;
        return e;
    }

    /** 503: the database cannot be reached; nothing was saved, and the request may be retried after this many seconds. */
    public static ProblemException unavailable(long retryAfterSeconds) {
        ProblemException e = new ProblemException(
                503,
                "unavailable",
                "Service Unavailable",
                "The database cannot be reached just now; nothing of your request was saved. Retry after "
                        + retryAfterSeconds + " s.",
                null);
        e.retryAfterSeconds = retryAfterSeconds;
        return e;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public Problem toProblem(String instance) {
        return new Problem("/problems/" + type, title, status, getMessage(), instance, errors);
    }
}
