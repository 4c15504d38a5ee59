package io.supplements.api;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged app (target/quarkus-app, production profile) as a child process on a PostgreSQL
 * database, for the *IT tests that failsafe runs in {@code ./mvnw verify -Ppostgres}.
 */
final class PackagedApp {
    static final String ADMIN_KEY = "it-admin-key";

    final String name;
    final int port;
    private Process process;
    private final Map<String, String> env;

    private PackagedApp(String name, int port, Map<String, String> env) {
        this.name = name;
        this.port = port;
        this.env = env;
    }

    /** Starts an instance and waits until it is ready. */
    static PackagedApp start(String name, String jdbcUrl, Map<String, String> settings) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "QUARKUS_HTTP_PORT",
                Integer.toString(port),
                "QUARKUS_DATASOURCE_JDBC_URL",
                jdbcUrl,
                "QUARKUS_DATASOURCE_USERNAME",
                "postgres",
                "SUPPLEMENTS_ADMIN_KEY",
                ADMIN_KEY,
                "SUPPLEMENTS_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES",
                "true"));
        env.putAll(settings);
        PackagedApp app = new PackagedApp(name, port, env);
        app.start();
        return app;
    }

    /** (Re)starts the process on the same port and database; its output is appended to target/it-instance-NAME.log. */
    void start() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-jar",
                        "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/it-instance-" + name + ".log")));
        builder.environment().putAll(env);
        process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "instance " + name + " exited; see target/it-instance-" + name + ".log");
            }
            try {
                if (http.send(
                                        HttpRequest.newBuilder(URI.create(url("/q/health/ready")))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(
                "instance " + name + " did not become ready; see target/it-instance-" + name + ".log");
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** kill -9: no shutdown hook, no chance to finish anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** A database of its own on the server the suite's test.db.url names. */
    static final class Database {
        final String server;
        final String name;

        Database(String prefix) throws Exception {
            String url = System.getProperty("test.db.url");
            server = url.substring(0, url.lastIndexOf('/') + 1);
            name = prefix + "_" + System.currentTimeMillis();
            execute(server + "postgres", "create database " + name);
        }

        String url() {
            return server + name;
        }

        Connection connect() throws Exception {
            return DriverManager.getConnection(url(), "postgres", "");
        }

        void drop() throws Exception {
            execute(server + "postgres", "drop database if exists " + name + " with (force)");
        }

        private static void execute(String url, String sql) throws Exception {
            try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
                c.createStatement().execute(sql);
            }
        }
    }
}
