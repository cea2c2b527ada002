package nl.monitor.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.TransactionPhase;
import nl.monitor.notification.Channel;
import nl.monitor.notification.Delivery;
import nl.monitor.notification.DeliveryAttempt;
import nl.monitor.notification.DeliveryStatus;
import nl.monitor.notification.Subscription;
import nl.monitor.notification.alert.AlertRaised;
import nl.monitor.notification.channel.Channels;
import nl.monitor.notification.channel.stream.StreamHub;
import nl.monitor.notification.config.DeliveryConfig;
import nl.monitor.notification.repository.DeliveryAttemptRepository;
import nl.monitor.notification.repository.DeliveryRepository;
import nl.monitor.notification.repository.SubscriptionRepository;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sends the pending deliveries that are due: right after an alert is committed, and on a schedule for retries (and
 * as a safety net after a crash). Each round claims a batch in a short transaction (rows locked with SKIP LOCKED, so
 * several instances share the work, and leased so a crashed instance's claims come back), makes the calls outside
 * any transaction, then records each attempt: 2xx is DELIVERED; otherwise the next attempt is due after an
 * exponential backoff, and after the last attempt the delivery is FAILED. A delivery to a live stream is only sent
 * while a client of that stream is connected to this instance; until then it waits without spending attempts.
 */
@ApplicationScoped
public class Deliverer {

    private static final Logger LOG = Logger.getLogger(Deliverer.class);

    private final DeliveryRepository deliveries;
    private final DeliveryAttemptRepository attempts;
    private final SubscriptionRepository subscriptions;
    private final Channels channels;
    private final StreamHub streams;
    private final Digests digests;
    private final Event<DeliveryRequested> requests;
    private final DeliveryConfig config;
    private final RetryPolicy retries;
    private final ReentrantLock delivering = new ReentrantLock();
    private final AtomicBoolean requested = new AtomicBoolean();
    private final Counter delivered;
    private final Counter retried;
    private final Counter failed;

    public Deliverer(DeliveryRepository deliveries, DeliveryAttemptRepository attempts,
                     SubscriptionRepository subscriptions, Channels channels, StreamHub streams, Digests digests, Event<DeliveryRequested> requests,
                     DeliveryConfig config,
                     MeterRegistry registry) {
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.subscriptions = subscriptions;
        this.channels = channels;
        this.streams = streams;
        this.digests = digests;
        this.requests = requests;
        this.config = config;
        this.retries = RetryPolicy.of(config);
        this.delivered = outcomes(registry, "delivered");
        this.retried = outcomes(registry, "retry");
        this.failed = outcomes(registry, "failed");
    }

    private static Counter outcomes(MeterRegistry registry, String outcome) {
        return Counter.builder("monitor.notification.delivery.attempts").tag("outcome", outcome)
                .description("Delivery attempts (webhook, e-mail, stream) by outcome").register(registry);
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) AlertRaised alert) {
        if (alert.deliveries() > 0) {
            requestRound();
        }
    }

    /** Asks for a delivery round soon, off the calling thread. */
    public void requestRound() {
        requests.fireAsync(new DeliveryRequested());
    }

    void onRequest(@ObservesAsync DeliveryRequested request) {
        deliverDue();
    }

    @Scheduled(every = "${notification.delivery.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        deliverDue();
    }

    /**
     * Sends every due delivery; returns how many attempts were made. Safe to call from any thread: a call while
     * another runs makes that one go round once more.
     */
    public int deliverDue() {
        requested.set(true);
        if (!delivering.tryLock()) {
            return 0;
        }
        int total = 0;
        try {
            while (requested.getAndSet(false)) {
                List<DeliveryCall> batch;
                do {
                    Instant claimed = Instant.now();
                    batch = QuarkusTransaction.requiringNew().call(this::claimDue);
                    sendAll(batch, claimed.plus(config.lease()));
                    total += batch.size();
                } while (!batch.isEmpty());
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Delivery round failed; due deliveries stay pending and are tried again");
        } finally {
            delivering.unlock();
        }
        return total;
    }

    /**
     * Claims the due deliveries: leases them to this instance and returns what to send. The due deliveries of a digest
     * subscription go together, as one message.
     */
    private List<DeliveryCall> claimDue() {
        Instant now = Instant.now();
        List<DeliveryCall> calls = new ArrayList<>();
        Set<UUID> digested = new HashSet<>();
        for (Delivery delivery : deliveries.lockDue(now, config.batchSize())) {
            if (digested.contains(delivery.id)) {
                continue;
            }
            Subscription subscription = subscriptions.findById(delivery.subscriptionId);
            if (subscription == null || !subscription.active()) {
                delivery.status = DeliveryStatus.CANCELLED;
                delivery.nextAttemptAt = null;
                delivery.completedAt = now;
                continue;
            }
            if (subscription.channel == Channel.STREAM && !streams.connected(subscription.id)) {
                // nobody listens here now: the delivery waits, spending no attempt, until a client connects
                delivery.nextAttemptAt = now.plus(config.streamRecheck());
                continue;
            }
            if (subscription.digest) {
                List<Delivery> together = deliveries.lockDue(subscription.id, delivery.attempts, now);
                together.forEach(d -> d.nextAttemptAt = now.plus(config.lease()));
                together.forEach(d -> digested.add(d.id));
                calls.add(digests.call(subscription, delivery.attempts + 1, together));
                continue;
            }
            delivery.nextAttemptAt = now.plus(config.lease());
            calls.add(DeliveryCall.of(delivery, delivery.attempts + 1, subscription));
        }
        return calls;
    }

    private CompletableFuture<DeliveryOutcome> send(DeliveryCall call) {
        return channels.of(call.channel()).sender().send(call);
    }

    /**
     * Sends the batch: subscriptions in parallel, the calls of one subscription one after the other in claim order
     * (an alert before the notice that resolves it, even when one consumer batch created both).
     */
    private void sendAll(List<DeliveryCall> batch, Instant leaseEnds) {
        Map<UUID, CompletableFuture<DeliveryOutcome>> lastOfSubscription = new HashMap<>();
        List<CompletableFuture<DeliveryOutcome>> outcomes = new ArrayList<>(batch.size());
        for (DeliveryCall call : batch) {
            CompletableFuture<DeliveryOutcome> previous = lastOfSubscription.get(call.subscriptionId());
            CompletableFuture<DeliveryOutcome> outcome = previous == null ? send(call)
                    : previous.handle((done, failure) -> call).thenCompose(this::send);
            lastOfSubscription.put(call.subscriptionId(), outcome);
            outcomes.add(outcome);
        }
        for (int i = 0; i < batch.size(); i++) {
            DeliveryCall call = batch.get(i);
            DeliveryOutcome outcome = outcomes.get(i).join();
            for (UUID carried : call.carries()) {
                recordWhileLeased(carried, call, outcome, leaseEnds);
            }
        }
    }

    /**
     * Records an attempt, retrying while the database is away for as long as the delivery's lease holds: the call
     * has been made, and recording it before another round may claim the delivery again is what keeps a receiver from
     * being called twice (a database outage during a call would otherwise send it again once the lease ends).
     */
    private void recordWhileLeased(UUID deliveryId, DeliveryCall call, DeliveryOutcome outcome, Instant leaseEnds) {
        Duration wait = Duration.ofMillis(250);
        while (true) {
            try {
                count(QuarkusTransaction.requiringNew().call(() -> record(deliveryId, call, outcome)));
                return;
            } catch (RuntimeException e) {
                if (Instant.now().plus(wait).isAfter(leaseEnds) || Thread.currentThread().isInterrupted()) {
                    LOG.warnf(e, "Cannot record attempt %d of delivery %s; it is tried again when its lease ends",
                            call.attempt(), deliveryId);
                    return;
                }
                LOG.debugf("Cannot record attempt %d of delivery %s yet (%s); trying again in %d ms",
                        call.attempt(), deliveryId, e, wait.toMillis());
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                wait = wait.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
                        : wait.multipliedBy(2);
            }
        }
    }

    /** What recording an attempt did to its delivery. */
    private enum Recorded {
        DELIVERED, RETRY, FAILED, NOTHING
    }

    private void count(Recorded recorded) {
        switch (recorded) {
            case DELIVERED -> delivered.increment();
            case RETRY -> retried.increment();
            case FAILED -> failed.increment();
            case NOTHING -> { }
        }
    }

    private Recorded record(UUID deliveryId, DeliveryCall call, DeliveryOutcome outcome) {
        Delivery delivery = deliveries.lock(deliveryId);
        if (delivery == null || delivery.attempts >= call.attempt()) {
            return Recorded.NOTHING; // recorded already by an instance that took over after the lease ran out
        }
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.deliveryId = delivery.id;
        attempt.attempt = call.attempt();
        attempt.attemptedAt = outcome.at().truncatedTo(ChronoUnit.MICROS);
        attempt.httpStatus = outcome.httpStatus();
        attempt.error = outcome.error();
        attempt.latencyMs = outcome.latencyMs();
        attempts.persist(attempt);
        delivery.attempts = call.attempt();
        if (delivery.status != DeliveryStatus.PENDING) {
            return Recorded.NOTHING; // cancelled while the call was under way
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (outcome.delivered()) {
            delivery.status = DeliveryStatus.DELIVERED;
            delivery.nextAttemptAt = null;
            delivery.completedAt = now;
            LOG.infof("Delivery %s (alert %s) delivered by %s on attempt %d in %d ms", delivery.id,
                    delivery.alertId, call.channel(), call.attempt(), outcome.latencyMs());
            return Recorded.DELIVERED;
        } else if (retries.exhausted(call.attempt())) {
            delivery.status = DeliveryStatus.FAILED;
            delivery.nextAttemptAt = null;
            delivery.completedAt = now;
            LOG.warnf("Delivery %s (alert %s) FAILED after %d attempt(s); last: %s", delivery.id, delivery.alertId,
                    call.attempt(), outcome.error());
            return Recorded.FAILED;
        } else {
            Duration backoff = retries.backoffAfter(call.attempt());
            delivery.nextAttemptAt = now.plus(backoff);
            LOG.infof("Delivery %s (alert %s) attempt %d failed (%s); next attempt in %d ms", delivery.id,
                    delivery.alertId, call.attempt(), outcome.error(), backoff.toMillis());
            return Recorded.RETRY;
        }
    }

    /** Asks for a delivery round off the committing thread. */
    public record DeliveryRequested() {
    }
}
