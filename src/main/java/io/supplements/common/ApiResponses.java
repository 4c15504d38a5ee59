package io.supplements.common;

/** Media types and the shared descriptions of problem responses, for the OpenAPI annotations. */
public final class ApiResponses {
    public static final String PROBLEM = "application/problem+json";
    public static final String UNAUTHORIZED =
            "No API key where one is needed, or a key that is not valid (or has been revoked)";
    public static final String FORBIDDEN = "The key's role does not allow this operation";
    public static final String NOT_FOUND = "No such resource, or a draft and no key";
    public static final String IF_MATCH =
            "The ETag of the version you are changing, from its GET (JSON or text/plain); * for any";
    public static final String PRECONDITION_FAILED =
            "It has changed since you read it (If-Match does not match): nothing was written";
    public static final String PRECONDITION_REQUIRED = "No If-Match: a write must name the version it changes";
    public static final String BAD_PARAMETER =
            "A query parameter is malformed (limit over 100, a cursor not issued by this API, ...)";

    private ApiResponses() {}
}
