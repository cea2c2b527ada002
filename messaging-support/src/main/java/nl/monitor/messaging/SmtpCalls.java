package nl.monitor.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;

import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Starts every call of the Vert.x mail client (behind quarkus-mailer) on one event-loop context of its own.
 * <p>
 * Started from any other thread (a worker, the scheduler, a test), the mail client (4.5) opens its socket on one
 * event loop and installs the reply handler from another; an SMTP server that greets at once (an MTA on the same host,
 * GreenMail in the tests) can have its greeting dropped, and the send then fails with a mangled reply or hangs until
 * the caller's timeout. On one context the connection and its handler share a thread, so no reply can arrive in
 * between.
 */
public final class SmtpCalls {

    private final Context context;

    public SmtpCalls(Vertx vertx) {
        this.context = ((VertxInternal) vertx).createEventLoopContext();
    }

    /** A failed send as its senders report it: {@code SMTP: <exception>: <message>}, unwrapped from a completion. */
    public static String describe(Throwable failure) {
        Throwable cause = failure.getCause() != null && failure instanceof CompletionException
                ? failure.getCause() : failure;
        return "SMTP: " + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": "
                + cause.getMessage());
    }

    /** The call, subscribed to on this event-loop context; its item or failure is passed on unchanged. */
    public <T> Uni<T> start(Supplier<Uni<T>> call) {
        return Uni.createFrom().emitter(result -> context.runOnContext(
                ignored -> call.get().subscribe().with(result::complete, result::fail)));
    }
}
