package nl.monitor.notification;

import org.awaitility.Awaitility;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A Server-Sent Events client as a browser's EventSource reads a stream: it keeps the connection open and collects
 * every event (id, event name, data lines) as it arrives.
 */
final class SseClient implements AutoCloseable {

    record Event(String id, String name, String data) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final HttpResponse<Stream<String>> response;
    private final CompletableFuture<Void> reading;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reading = CompletableFuture.runAsync(this::read);
    }

    /** Connects with the bearer token; answers once the response headers arrived (whatever the status). */
    static SseClient connect(String url, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").GET().build();
        return new SseClient(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines()));
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return header("Content-Type");
    }

    String header(String name) {
        return response.headers().firstValue(name).orElse("");
    }

    /** Waits until the server ended the stream, or fails after the deadline. */
    void awaitEnd(Duration deadline) {
        Awaitility.await("the server ends the stream").atMost(deadline).pollInterval(Duration.ofMillis(50))
                .until(reading::isDone);
    }

    boolean ended() {
        return reading.isDone();
    }

    private void read() {
        String id = null;
        String name = null;
        List<String> data = new ArrayList<>();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, name, String.join("\n", data)));
                    }
                    id = null;
                    name = null;
                    data.clear();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.add(line.substring(5).strip());
                }
            }
        } catch (RuntimeException closed) {
            // the stream was closed by close() or by the server
        }
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    /** Waits until at least {@code count} events arrived, or fails after the deadline. */
    List<Event> await(int count, Duration deadline) {
        Awaitility.await(count + " server-sent event(s)").atMost(deadline).pollInterval(Duration.ofMillis(50))
                .until(() -> events.size() >= count);
        return events();
    }

    @Override
    public void close() {
        reading.cancel(true);
        response.body().close();
    }
}
