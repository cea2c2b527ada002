package nl.monitor.localrun;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import nl.monitor.testsupport.PostgresServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The local run's outage drill on 127.0.0.1: {@code POST /postgres/stop} and {@code POST /postgres/start} stop and
 * start its PostgreSQL on the same port and data directory, {@code GET /postgres} tells whether it runs
 * ({@code scripts/local-postgres.sh} calls these).
 */
final class DrillControl implements AutoCloseable {

    private final HttpServer server;
    private volatile boolean running = true;

    DrillControl(int port, PostgresServer postgres) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/postgres/stop", exchange -> act(exchange, () -> {
            postgres.stop();
            running = false;
        }, "PostgreSQL on port " + postgres.port() + " stopped"));
        server.createContext("/postgres/start", exchange -> act(exchange, () -> {
            postgres.start();
            running = true;
        }, "PostgreSQL on port " + postgres.port() + " started"));
        server.createContext("/postgres", exchange -> answer(exchange, 200,
                running ? "running on port " + postgres.port() : "stopped"));
        server.start();
    }

    private interface Action {
        void run() throws IOException;
    }

    private static void act(HttpExchange exchange, Action action, String done) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            answer(exchange, 405, "POST only");
            return;
        }
        try {
            action.run();
            System.out.println("[local-run] outage drill: " + done);
            answer(exchange, 200, done);
        } catch (IOException | RuntimeException e) {
            answer(exchange, 500, "failed: " + e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
