package nl.monitor.notification.channel.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import io.vertx.core.Vertx;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import nl.monitor.contracts.EventCodec;
import nl.monitor.notification.alert.AlertRaised;
import nl.monitor.notification.alert.AlertView;
import nl.monitor.notification.config.StreamConfig;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.stream.Stream;

/**
 * The Server-Sent Events connections open on this instance: streams of STREAM subscriptions (their deliveries) and
 * alert feeds (every new alert of a region, or of all regions). A connection that fails or closes is dropped; a
 * comment every 20 s keeps idle connections (and proxies) alive and finds the dead ones. Connections are capped per
 * caller and in all ({@code notification.stream.*}: one more is {@link TooManyStreams}), and each is closed when the
 * token it was opened with expires (a comment {@code token expired} first): the client reconnects with a fresh token,
 * which is checked again (roles, region) like any request.
 */
@ApplicationScoped
public class StreamHub {

    private static final Logger LOG = Logger.getLogger(StreamHub.class);

    /** One open connection of a caller. {@code region} narrows an alert feed; null means every region. */
    private record Listener(SseEventSink sink, Sse sse, String region, String caller) {
    }

    /** Who opens a stream, and until when its token is valid (null: no expiry known). */
    public record Opener(String caller, Instant tokenExpiresAt) {
    }

    /** A stream refused because its caller, or the instance, has as many open as allowed. */
    public static final class TooManyStreams extends WebApplicationException {

        TooManyStreams(String message) {
            super(message, Response.status(Response.Status.TOO_MANY_REQUESTS).header("Retry-After", "30").build());
        }
    }

    private final ObjectMapper json;
    private final StreamConfig limits;
    private final Vertx vertx;
    private final Map<UUID, Set<Listener>> subscriptionStreams = new ConcurrentHashMap<>();
    private final Set<Listener> feeds = new CopyOnWriteArraySet<>();

    public StreamHub(EventCodec codec, StreamConfig limits, Vertx vertx) {
        this.json = codec.mapper();
        this.limits = limits;
        this.vertx = vertx;
    }

    /** @throws TooManyStreams when the caller or the instance has as many streams open as allowed */
    public void openSubscriptionStream(UUID subscription, SseEventSink sink, Sse sse, Opener opener) {
        Listener listener = new Listener(sink, sse, null, opener.caller());
        Set<Listener> listeners = subscriptionStreams.computeIfAbsent(subscription, id -> new CopyOnWriteArraySet<>());
        admit(listener, listeners);
        greet(listener);
        closeAtExpiry(listener, opener.tokenExpiresAt(), () -> listeners.remove(listener));
    }

    /** @throws TooManyStreams when the caller or the instance has as many streams open as allowed */
    public void openFeed(String region, SseEventSink sink, Sse sse, Opener opener) {
        Listener listener = new Listener(sink, sse, region, opener.caller());
        admit(listener, feeds);
        greet(listener);
        closeAtExpiry(listener, opener.tokenExpiresAt(), () -> feeds.remove(listener));
    }

    /** Counts the open connections and adds the new one, or refuses it; one at a time, so the caps hold. */
    private synchronized void admit(Listener listener, Set<Listener> to) {
        List<Listener> open = Stream.concat(feeds.stream(),
                        subscriptionStreams.values().stream().flatMap(Set::stream))
                .filter(l -> !l.sink().isClosed()).toList();
        long callers = open.stream().filter(l -> l.caller().equals(listener.caller())).count();
        if (callers >= limits.maxPerCaller()) {
            throw new TooManyStreams("You have " + callers + " streams open, the most allowed (notification.stream"
                    + ".max-per-caller); close one first");
        }
        if (open.size() >= limits.maxTotal()) {
            throw new TooManyStreams("This instance has " + open.size() + " streams open, the most allowed "
                    + "(notification.stream.max-total); try again later");
        }
        to.add(listener);
        // Closed connections are forgotten here too, not only at the next keep-alive.
        feeds.removeIf(l -> l.sink().isClosed());
        subscriptionStreams.values().forEach(listeners -> listeners.removeIf(l -> l.sink().isClosed()));
    }

    private void closeAtExpiry(Listener listener, Instant expiresAt, Runnable drop) {
        if (expiresAt == null) {
            return;
        }
        long delay = Math.max(1, Duration.between(Instant.now(), expiresAt).toMillis());
        vertx.setTimer(delay, timer -> {
            drop.run();
            if (!listener.sink().isClosed()) {
                LOG.debugf("Stream of %s closed: its token expired", listener.caller());
                deliver(listener, listener.sse().newEventBuilder().comment("token expired").build(), () -> { })
                        .whenComplete((sent, failure) -> listener.sink().close());
            }
        });
    }

    /** Whether a client of the subscription's stream is connected to this instance. */
    public boolean connected(UUID subscription) {
        Set<Listener> listeners = subscriptionStreams.get(subscription);
        return listeners != null && listeners.stream().anyMatch(l -> !l.sink().isClosed());
    }

    /**
     * Sends one event to every client of the subscription's stream; completes with how many took it (0: none
     * connected, or every send failed).
     */
    public CompletableFuture<Integer> sendToSubscription(UUID subscription, String id, String name, String json) {
        Set<Listener> listeners = subscriptionStreams.getOrDefault(subscription, Set.of());
        List<CompletableFuture<Boolean>> sends = listeners.stream()
                .map(listener -> send(listener, id, name, json, () -> listeners.remove(listener))).toList();
        return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> (int) sends.stream().filter(CompletableFuture::join).count());
    }

    /** Pushes every new alert to the feeds of its region and to the feeds of all regions. */
    void onAlert(@Observes(during = TransactionPhase.AFTER_SUCCESS) AlertRaised raised)
            throws JsonProcessingException {
        AlertView alert = raised.alert();
        String body = json.writeValueAsString(alert);
        for (Listener feed : feeds) {
            if (feed.region() == null || feed.region().equals(alert.region())) {
                send(feed, alert.id().toString(), alert.type(), body, () -> feeds.remove(feed));
            }
        }
    }

    @Scheduled(every = "20s", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void keepAlive() {
        for (Listener feed : feeds) {
            comment(feed, "keep-alive", () -> feeds.remove(feed));
        }
        subscriptionStreams.values().forEach(listeners -> listeners
                .forEach(listener -> comment(listener, "keep-alive", () -> listeners.remove(listener))));
    }

    private void greet(Listener listener) {
        // Sends the response headers at once, so the client knows the stream is open before any alert.
        comment(listener, "connected", () -> { });
    }

    private static CompletableFuture<Boolean> send(Listener listener, String id, String name, String json,
                                                   Runnable drop) {
        OutboundSseEvent event = listener.sse().newEventBuilder().id(id).name(name)
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(String.class, json).build();
        return deliver(listener, event, drop);
    }

    private static void comment(Listener listener, String text, Runnable drop) {
        deliver(listener, listener.sse().newEventBuilder().comment(text).build(), drop);
    }

    private static CompletableFuture<Boolean> deliver(Listener listener, OutboundSseEvent event, Runnable drop) {
        if (listener.sink().isClosed()) {
            drop.run();
            return CompletableFuture.completedFuture(false);
        }
        try {
            return listener.sink().send(event).toCompletableFuture().handle((ignored, failure) -> {
                if (failure != null) {
                    LOG.debugf("Stream client gone (%s); dropped", failure.toString());
                    drop.run();
                    return false;
                }
                return true;
            });
        } catch (RuntimeException e) {
            drop.run();
            return CompletableFuture.completedFuture(false);
        }
    }
}
