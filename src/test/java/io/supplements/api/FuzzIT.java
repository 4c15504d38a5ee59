package io.supplements.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property: no request, valid or not, breaks the API. Requests are generated for every operation in
 * the spec (valid-looking and broken paths, parameters, headers, keys and bodies) and sent to the
 * packaged app on PostgreSQL. Every answer must be below 500 and match the spec; every error is an
 * application/problem+json that leaks no internals; a refused write changes nothing in the database.
 */
class FuzzIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static PackagedApp.Database database;
    private static PackagedApp app;
    private static OpenApiInteractionValidator validator;
    private static final List<Op> OPERATIONS = new ArrayList<>();
    private static final Map<String, String> KEYS = new LinkedHashMap<>();
    private static final Map<String, String> FIXTURES = new LinkedHashMap<>();
    private static final List<String> SEED_LINES = new ArrayList<>();
    private static final Map<Integer, AtomicInteger> STATUSES = new TreeMap<>();
    private static final AtomicInteger TRIED = new AtomicInteger();

    record Op(String method, String template, Operation operation) {}

    record Call(String method, String template, String path, String caller, Map<String, String> headers, byte[] body) {
        boolean write() {
            return !method.equals("GET");
        }

        @Override
        public String toString() {
            return method + " " + path + " as " + caller + " " + headers + " body="
                    + (body == null ? "none" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8));
        }
    }

    @BeforeContainer
    static void start() throws Exception {
        database = new PackagedApp.Database("supplements_fuzz");
        app = PackagedApp.start(
                "fuzz",
                database.url(),
                Map.of("SUPPLEMENTS_SAMPLE_CONTENT", "true", "SUPPLEMENTS_RATE_LIMIT_ENABLED", "false"));
        String spec = Path.of("openapi/openapi.yaml").toUri().toString();
        validator = OpenApiInteractionValidator.createForSpecificationUrl(spec)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .build())
                .build();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI api = new OpenAPIV3Parser().read(spec, null, options);
        api.getPaths()
                .forEach((template, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> OPERATIONS.add(new Op(method.name(), template, operation))));

        KEYS.put("none", null);
        KEYS.put("admin", PackagedApp.ADMIN_KEY);
        for (String role : List.of("reader", "editor")) {
            KEYS.put(
                    role,
                    JSON.readTree(send(
                                            "POST",
                                            "/v1/keys",
                                            PackagedApp.ADMIN_KEY,
                                            Map.of("Content-Type", "application/json"),
                                            ("{\"name\":\"fuzz " + role + "\",\"role\":\"" + role + "\"}")
                                                    .getBytes(StandardCharsets.UTF_8))
                                    .body())
                            .get("secret")
                            .asText());
        }
        for (String file : ApiTestSupport.SEEDS) {
            SEED_LINES.addAll(Files.readAllLines(Path.of("src/main/resources/sample-content", file)));
        }
        byte[] seed = Files.readAllBytes(Path.of("src/main/resources/sample-content", ApiTestSupport.SEEDS[1]));
        send(
                "POST",
                "/v1/imports?slug=fuzz-draft&status=draft",
                PackagedApp.ADMIN_KEY,
                Map.of("Content-Type", "text/plain"),
                seed);
        var article = JSON.readTree(send("GET", "/v1/articles/fuzz-draft", PackagedApp.ADMIN_KEY, Map.of(), null)
                .body());
        FIXTURES.put("slug", "fuzz-draft");
        FIXTURES.put("anchor", article.at("/sections/0/anchor").asText());
        FIXTURES.put("claim", article.at("/claims/0/id").asText());
        FIXTURES.put("source", article.at("/sources/0/id").asText());
        FIXTURES.put("author", article.at("/author/slug").asText());
        FIXTURES.put("citationId", "1");
        FIXTURES.put(
                "webhook",
                JSON.readTree(send(
                                        "POST",
                                        "/v1/webhooks",
                                        PackagedApp.ADMIN_KEY,
                                        Map.of("Content-Type", "application/json"),
                                        "{\"url\":\"http://127.0.0.1:9/hook\"}".getBytes(StandardCharsets.UTF_8))
                                .body())
                        .get("id")
                        .asText());
        FIXTURES.put(
                "key",
                JSON.readTree(send(
                                        "POST",
                                        "/v1/keys",
                                        PackagedApp.ADMIN_KEY,
                                        Map.of("Content-Type", "application/json"),
                                        "{\"name\":\"fuzz fixture\",\"role\":\"reader\"}"
                                                .getBytes(StandardCharsets.UTF_8))
                                .body())
                        .get("id")
                        .asText());
    }

    @AfterContainer
    static void stop() throws Exception {
        System.out.printf(
                "Fuzz: %d requests over %d operations; answers by status: %s%n",
                TRIED.get(), OPERATIONS.size(), STATUSES);
        if (app != null) {
            app.stop();
        }
        database.drop();
    }

    @Property(tries = 3000)
    void noRequestBreaksTheApiOrChangesDataWhenRefused(@ForAll("calls") Call call) throws Exception {
        String before = call.write() ? fingerprint() : null;
        HttpResponse<byte[]> response =
                send(call.method(), call.path(), KEYS.get(call.caller()), call.headers(), call.body());
        TRIED.incrementAndGet();
        STATUSES.computeIfAbsent(response.statusCode(), s -> new AtomicInteger())
                .incrementAndGet();
        int status = response.statusCode();
        String body = new String(response.body(), StandardCharsets.UTF_8);
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(status < 500, () -> status + " for " + call + ": " + body);
        if (status >= 400) {
            assertTrue(
                    contentType.startsWith("application/problem+json"),
                    () -> status + " without a problem document for " + call);
            assertFalse(
                    BrowserAndLeakApiTest.LEAK.matcher(body).find(), () -> "leaks internals for " + call + ": " + body);
        }
        if (status != 304 && status != 204) {
            SimpleResponse.Builder documented = SimpleResponse.Builder.status(status)
                    .withContentType(contentType)
                    .withBody(body);
            // The documented headers too: a required one (every read's ETag) must really be sent.
            response.headers().map().forEach((name, values) -> documented.withHeader(name, values));
            ValidationReport report = validator.validateResponse(
                    call.path().replaceAll("\\?.*", ""), Request.Method.valueOf(call.method()), documented.build());
            assertFalse(
                    report.hasErrors(),
                    () -> "answer not as documented for " + call + ": " + report.getMessages() + " " + body);
        }
        if (before != null && status >= 400) {
            assertEquals(before, fingerprint(), () -> "a refused write (" + status + ") changed the database: " + call);
        }
    }

    @Provide
    Arbitrary<Call> calls() {
        return Arbitraries.of(OPERATIONS)
                .flatMap(op -> Combinators.combine(
                                path(op),
                                query(op),
                                Arbitraries.frequency(
                                        Tuple.of(1, "none"),
                                        Tuple.of(1, "reader"),
                                        Tuple.of(2, "editor"),
                                        Tuple.of(3, "admin")),
                                headers(),
                                body(op))
                        .as((path, query, caller, headers, body) -> {
                            Map<String, String> all = new LinkedHashMap<>(headers);
                            if (body.contentType() != null) {
                                all.put("Content-Type", body.contentType());
                            }
                            return new Call(op.method(), op.template(), path + query, caller, all, body.bytes());
                        }));
    }

    private static Arbitrary<String> path(Op op) {
        Arbitrary<String> path = Arbitraries.just(op.template());
        for (String name : List.of("slug", "anchor", "id", "citationId")) {
            if (!op.template().contains("{" + name + "}")) {
                continue;
            }
            String valid = switch (name) {
                case "slug" -> op.template().startsWith("/v1/authors") ? FIXTURES.get("author") : FIXTURES.get("slug");
                case "anchor" -> FIXTURES.get("anchor");
                case "citationId" -> FIXTURES.get("citationId");
                default ->
                    FIXTURES.get(
                            op.template().startsWith("/v1/claims")
                                    ? "claim"
                                    : op.template().startsWith("/v1/sources")
                                            ? "source"
                                            : op.template().startsWith("/v1/webhooks") ? "webhook" : "key");
            };
            Arbitrary<String> value = Arbitraries.frequencyOf(
                    Tuple.of(8, Arbitraries.just(valid)),
                    Tuple.of(
                            2,
                            junk().map(j -> URLEncoder.encode(j, StandardCharsets.UTF_8)
                                            .replace("+", "%20"))
                                    .filter(s -> !s.isEmpty())));
            path = Combinators.combine(path, value).as((p, v) -> p.replace("{" + name + "}", v));
        }
        return path;
    }

    private static Arbitrary<String> query(Op op) {
        List<Arbitrary<String>> parts = new ArrayList<>();
        for (Parameter p : op.operation().getParameters() == null
                ? List.<Parameter>of()
                : op.operation().getParameters()) {
            if (!"query".equals(p.getIn())) {
                continue;
            }
            Arbitrary<String> value = Arbitraries.frequencyOf(
                    Tuple.of(4, valid(p.getSchema()).map(String::valueOf)), Tuple.of(2, junk()));
            parts.add(Arbitraries.frequencyOf(
                    Tuple.of(4, Arbitraries.just("")),
                    Tuple.of(6, value.map(v -> p.getName() + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)))));
        }
        if (parts.isEmpty()) {
            return Arbitraries.just("");
        }
        return Combinators.combine(parts).as(list -> {
            String q = String.join("&", list.stream().filter(s -> !s.isEmpty()).toList());
            return q.isEmpty() ? "" : "?" + q;
        });
    }

    private static Arbitrary<Map<String, String>> headers() {
        Arbitrary<String> ifMatch = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just("")),
                Tuple.of(2, Arbitraries.just("*")),
                Tuple.of(2, Arbitraries.just("\"stale\"")),
                Tuple.of(1, junk().map(FuzzIT::headerSafe)));
        Arbitrary<String> accept = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.just("text/plain")),
                Tuple.of(1, Arbitraries.just("application/ld+json")),
                Tuple.of(1, Arbitraries.just("image/png")),
                Tuple.of(1, junk().map(FuzzIT::headerSafe)));
        return Combinators.combine(ifMatch, accept).as((m, a) -> {
            Map<String, String> h = new LinkedHashMap<>();
            if (!m.isEmpty()) {
                h.put("If-Match", m);
            }
            if (!a.isEmpty()) {
                h.put("Accept", a);
            }
            return h;
        });
    }

    record Body(String contentType, byte[] bytes) {}

    private static Arbitrary<Body> body(Op op) {
        if (op.operation().getRequestBody() == null) {
            return Arbitraries.frequencyOf(
                    Tuple.of(9, Arbitraries.just(new Body(null, null))),
                    Tuple.of(1, junk().map(j -> new Body("application/json", j.getBytes(StandardCharsets.UTF_8)))));
        }
        var content = op.operation().getRequestBody().getContent();
        String mediaType = content.keySet().iterator().next();
        Arbitrary<byte[]> valid = mediaType.startsWith("text/plain")
                ? seedText()
                : value(content.get(mediaType).getSchema(), 0).map(FuzzIT::json);
        Arbitrary<byte[]> broken = Arbitraries.oneOf(
                junk().map(j -> j.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
                Arbitraries.integers()
                        .between(1, 5000)
                        .map(n -> ("[".repeat(n) + "]".repeat(n)).getBytes(StandardCharsets.UTF_8)),
                Arbitraries.just("{\"a\":".getBytes(StandardCharsets.UTF_8)));
        Arbitrary<String> type = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(mediaType)),
                Tuple.of(1, Arbitraries.just("application/xml")),
                Tuple.of(1, Arbitraries.just("text/plain; charset=latin1")));
        return Combinators.combine(type, Arbitraries.frequencyOf(Tuple.of(7, valid), Tuple.of(3, broken)))
                .as(Body::new);
    }

    /** A seed text, often mutated: lines dropped, repeated, swapped or replaced, bytes broken. */
    private static Arbitrary<byte[]> seedText() {
        Arbitrary<List<String>> lines = Arbitraries.integers()
                .between(0, SEED_LINES.size() - 40)
                .map(start -> new ArrayList<>(SEED_LINES.subList(start, start + 40)));
        return Combinators.combine(
                        lines,
                        Arbitraries.integers().between(0, 39),
                        Arbitraries.integers().between(0, 5),
                        junk())
                .as((text, at, mutation, junk) -> {
                    switch (mutation) {
                        case 1 -> text.remove((int) at);
                        case 2 -> text.add(at, text.get(at));
                        case 3 -> text.set(at, junk);
                        case 4 -> text.set(at, "- " + junk);
                        default -> {}
                    }
                    byte[] bytes =
                            String.join(mutation == 5 ? "\r\n" : "\n", text).getBytes(StandardCharsets.UTF_8);
                    return bytes;
                });
    }

    /** A value for the schema: usually of the right type and shape, sometimes not. */
    private static Arbitrary<Object> value(Schema<?> schema, int depth) {
        if (schema == null || depth > 4) {
            return Arbitraries.just(null);
        }
        Arbitrary<Object> right = valid(schema);
        if ("object".equals(schema.getType()) || schema.getProperties() != null) {
            List<Arbitrary<Map.Entry<String, Object>>> fields = new ArrayList<>();
            if (schema.getProperties() != null) {
                schema.getProperties()
                        .forEach((name, property) -> fields.add(Arbitraries.frequencyOf(
                                Tuple.of(1, Arbitraries.just(Map.entry("", (Object) "absent"))),
                                Tuple.of(
                                        5,
                                        value(property, depth + 1)
                                                .map(v -> new java.util.AbstractMap.SimpleEntry<>(name, v))))));
            }
            right = fields.isEmpty()
                    ? Arbitraries.just(Map.of())
                    : Combinators.combine(fields).as(entries -> {
                        Map<String, Object> object = new LinkedHashMap<>();
                        entries.stream()
                                .filter(e -> !e.getKey().isEmpty())
                                .forEach(e -> object.put(e.getKey(), e.getValue()));
                        return object;
                    });
        } else if ("array".equals(schema.getType())) {
            right = value(schema.getItems(), depth + 1).list().ofMaxSize(3).map(l -> l);
        }
        return Arbitraries.frequencyOf(Tuple.of(9, right), Tuple.of(1, junk().map(j -> j)));
    }

    private static Arbitrary<Object> valid(Schema<?> schema) {
        if (schema == null) {
            return Arbitraries.just("x");
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return Arbitraries.of(new ArrayList<Object>(schema.getEnum()));
        }
        String type = schema.getType() == null ? "string" : schema.getType();
        return switch (type) {
            case "integer", "number" ->
                Arbitraries.frequencyOf(
                        Tuple.of(
                                6,
                                Arbitraries.longs()
                                        .between(
                                                schema.getMinimum() == null
                                                        ? 0
                                                        : schema.getMinimum().longValue(),
                                                schema.getMaximum() == null
                                                        ? 1000
                                                        : schema.getMaximum().longValue())
                                        .map(l -> l)),
                        Tuple.of(1, Arbitraries.longs().map(l -> l)));
            case "boolean" -> Arbitraries.of(true, false);
            default ->
                schema.getExample() != null
                        ? Arbitraries.frequencyOf(
                                Tuple.of(3, Arbitraries.just(schema.getExample())),
                                Tuple.of(2, slugLike().map(s -> s)))
                        : Arbitraries.oneOf(
                                slugLike().map(s -> s),
                                Arbitraries.strings()
                                        .alpha()
                                        .numeric()
                                        .withChars(' ', '.', '-')
                                        .ofMaxLength(80)
                                        .map(s -> s));
        };
    }

    private static Arbitrary<String> slugLike() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .ofMinLength(2)
                .ofMaxLength(12)
                .list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(words -> String.join("-", words));
    }

    /** Strings that break naive code: control characters, huge numbers, escapes, injections, very long ones. */
    private static Arbitrary<String> junk() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.of(
                        "",
                        " ",
                        "-1",
                        "0",
                        "99999999999999999999",
                        "1e309",
                        "NaN",
                        "null",
                        "true",
                        "[]",
                        "{}",
                        "%00",
                        "\u0000",
                        "../../etc/passwd",
                        "' or '1'='1",
                        "<script>alert(1)</script>",
                        "\uD800",
                        "\u202E",
                        "${jndi:ldap://x}",
                        "Z".repeat(5000),
                        "é".repeat(300),
                        "a\r\nb",
                        "\t"),
                Arbitraries.longs().map(String::valueOf));
    }

    private static String headerSafe(String s) {
        return s.replaceAll("[^\\x20-\\x7E]", "?");
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (Exception e) {
            return "{}".getBytes(StandardCharsets.UTF_8);
        }
    }

    private static HttpResponse<byte[]> send(
            String method, String path, String key, Map<String, String> headers, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url(path)))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Everything a write could change, in one string. */
    private static String fingerprint() throws Exception {
        try (Connection c = database.connect();
                ResultSet rs = c.createStatement()
                        .executeQuery(
                                "select concat_ws(':',"
                                        + " (select count(*) || '/' || coalesce(sum(version), 0) || '/' || md5(coalesce(string_agg(slug || title || status || version, ',' order by id), '')) from article),"
                                        + " (select count(*) from section), (select count(*) from paragraph), (select count(*) from related_resource),"
                                        + " (select count(*) || '/' || md5(coalesce(string_agg(text || stance || coalesce(supplement, '') || coalesce(outcome, ''), ',' order by id), '')) from claim),"
                                        + " (select count(*) from citation), (select count(*) || '/' || md5(coalesce(string_agg(name || coalesce(url, ''), ',' order by id), '')) from source),"
                                        + " (select count(*) from author), (select count(*) from topic), (select count(*) from article_topic),"
                                        + " (select count(*) from vocabulary_term), (select count(*) from rejected_claim), (select max(seq) from change_log),"
                                        + " (select count(*) from webhook), (select count(*) || '/' || count(revoked_at) from api_key))")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
