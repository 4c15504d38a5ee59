package io.supplements.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.supplements.common.Problem.FieldError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where errors become responses: every error is an RFC 9457 problem. */
public class ProblemMapper {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private final Caller caller;

    ProblemMapper(Caller caller) {
        this.caller = caller;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e, uri);
    }

    /** A key that is not one (the message says how), or the 429 of an address out of tokens guessing keys. */
    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return respond(
                e.getCause() instanceof ProblemException p ? p : ProblemException.unauthorized(e.getMessage()), uri);
    }

    /** No key where {@code @RolesAllowed} needs one. */
    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return respond(ProblemException.needsKey(), uri);
    }

    /** A key without the role {@code @RolesAllowed} names, or any key on an operation no one may call. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, ResourceInfo resource) {
        RolesAllowed roles = resource.getResourceMethod() == null
                ? null
                : resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        return respond(ProblemException.needsRole(roles == null ? null : roles.value()[0], caller.role()), uri);
    }

    @ServerExceptionMapper
    public Response invalid(jakarta.validation.ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(ProblemMapper::fieldError)
                .sorted(Comparator.comparing((FieldError f) -> String.valueOf(f.pointer()))
                        .thenComparing(f -> String.valueOf(f.parameter())))
                .toList();
        return respond(
                ProblemException.badRequest(
                        "validation", "The request has " + errors.size() + " invalid field(s); see errors.", errors),
                uri);
    }

    /** Declared apart because Quarkus has its own mapper for this subtype, which would win otherwise. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String where = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
        if (e instanceof JsonParseException) {
            return respond(
                    ProblemException.badRequest("malformed-json", "The body is not valid JSON" + where + ".", null),
                    uri);
        }
        String pointer = e instanceof JsonMappingException m ? pointer(m.getPath()) : "";
        return respond(
                ProblemException.badRequest(
                        "validation",
                        "The JSON body does not match the schema" + where + ".",
                        List.of(FieldError.atPointer(pointer, "has the wrong type or shape"))),
                uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = switch (status) {
            case 400 -> "The request is malformed: check its headers (Accept, Content-Type) and parameters.";
            case 404 -> "There is no resource at this path.";
            case 405 -> "This path does not accept that method.";
            case 406 -> "This resource cannot be represented in the media type you accept.";
            case 415 -> "This operation does not accept that Content-Type.";
            default -> title + ".";
        };
        String type = title.toLowerCase().replace(' ', '-');
        return respond(new ProblemException(status, type, title, detail, null), uri);
    }

    /**
     * A unique key taken by a concurrent writer between our check and our insert (two imports
     * creating the same slug or source at once): the loser is told to retry, nothing was saved.
     * Any other constraint violation is our bug, and a 500.
     */
    @ServerExceptionMapper
    public Response concurrentWrite(ConstraintViolationException e, UriInfo uri) {
        return respond(ofWrite(e, uri.getRequestUri().getRawPath()), uri);
    }

    /** Two writers on one article and the row lock timed out: nothing was saved. Other failures are ours. */
    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri) {
        return respond(ofWrite(e, uri.getRequestUri().getRawPath()), uri);
    }

    /** A value the database cannot store that validation let through: the request's fault, not ours. */
    @ServerExceptionMapper
    public Response unstorable(DataException e, UriInfo uri) {
        return respond(ofWrite(e, uri.getRequestUri().getRawPath()), uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        return respond(ofWrite(e, uri.getRequestUri().getRawPath()), uri);
    }

    /**
     * The problem a failed write is, found along the cause chain; also for the writes of a batch, each
     * answered on its own. Only what is not the client's fault is a 500, and logged.
     */
    public static ProblemException ofWrite(Throwable failure, String where) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof ProblemException p) {
                return p;
            }
            if (e instanceof ConstraintViolationException c
                    && c.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE) {
                LOG.info("Write refused by a unique constraint: " + c.getConstraintName());
                return ProblemException.conflict(
                        "A concurrent change took a name or key this request needed; nothing was saved, retry the request.");
            }
            if (e instanceof jakarta.persistence.PessimisticLockException
                    || e instanceof LockTimeoutException
                    || e instanceof org.hibernate.PessimisticLockException
                    || e instanceof org.hibernate.exception.LockTimeoutException) {
                return ProblemException.conflict(
                        "The article is being changed by another request; nothing was saved, retry.");
            }
            if (lostDatabase(e)) {
                LOG.warn("Database unreachable on " + where + ": " + e.getMessage());
                return ProblemException.unavailable(DATABASE_RETRY_AFTER_SECONDS);
            }
            if (e instanceof DataException d) {
                LOG.info("Value refused by the database: " + d.getMessage());
                return ProblemException.badRequest("invalid-value", "A value in the request cannot be stored.", null);
            }
        }
        LOG.error("Unhandled error on " + where, failure);
        return new ProblemException(
                500,
                "internal",
                "Internal Server Error",
                "Something went wrong on our side; nothing of your request was saved.",
                null);
    }

    /** About what a restart of the database or a failover takes, and what readiness takes to notice. */
    private static final long DATABASE_RETRY_AFTER_SECONDS = 5;

    /**
     * The database is away rather than refusing this request: a connection could not be made or was
     * lost (SQLState class 08), or the server is shutting down or starting (57P01-57P03), or the pool
     * timed out waiting for a connection.
     */
    private static boolean lostDatabase(Throwable e) {
        if (e instanceof org.hibernate.exception.JDBCConnectionException
                || e instanceof java.sql.SQLTransientConnectionException
                || e instanceof java.sql.SQLNonTransientConnectionException
                || e instanceof java.net.ConnectException) {
            return true;
        }
        if (e instanceof java.sql.SQLException sql) {
            String state = sql.getSQLState();
            return state != null
                            && (state.startsWith("08")
                                    || state.equals("57P01")
                                    || state.equals("57P02")
                                    || state.equals("57P03"))
                    || state == null
                            && String.valueOf(sql.getMessage()).contains("acquisition timeout"); // Agroal's pool
        }
        return false;
    }

    private static Response respond(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder response = Response.status(e.status())
                .type(ApiResponses.PROBLEM)
                .entity(e.toProblem(uri.getRequestUri().getRawPath()));
        if (e.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"supplements\"");
        }
        if (e.retryAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds());
        }
        return response.build();
    }

    private static String pointer(List<JsonMappingException.Reference> path) {
        StringBuilder p = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            p.append('/').append(ref.getFieldName() != null ? escape(ref.getFieldName()) : ref.getIndex());
        }
        return p.toString();
    }

    /**
     * Bean Validation paths look like {@code create.body.sections[0].heading}: method, parameter,
     * then properties, where an index belongs to the container that precedes the node.
     */
    private static FieldError fieldError(ConstraintViolation<?> v) {
        StringBuilder pointer = new StringBuilder();
        String parameter = null;
        boolean inBody = false;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                inBody = "body".equals(parameter);
                continue;
            }
            if (node.isInIterable()) {
                pointer.append('/')
                        .append(node.getIndex() != null ? node.getIndex() : escape(String.valueOf(node.getKey())));
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                pointer.append('/').append(escape(node.getName()));
            }
        }
        return inBody
                ? FieldError.atPointer(pointer.toString(), v.getMessage())
                : FieldError.atParameter(parameter, v.getMessage());
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
