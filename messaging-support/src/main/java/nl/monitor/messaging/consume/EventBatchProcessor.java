package nl.monitor.messaging.consume;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.PoisonEventException;
import nl.monitor.messaging.EventTracing;
import nl.monitor.messaging.MessagingConfig;
import nl.monitor.messaging.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Processes a batch of records in one database transaction, the same way for the live consumer, the read-model
 * replay and the dead-letter redrive:
 * <ol>
 *     <li>each record is decoded and checked against its schema; one that fails is poison;</li>
 *     <li>the events' ids are marked processed in one statement, and only events not processed before reach their
 *     {@link EventHandler}, in record order (so per partition, and so per municipality, in order);</li>
 *     <li>a handler that finds an event against the domain rules throws {@link PoisonEventException}: the transaction
 *     rolls back and the batch runs again without that record, so a poison record never takes others with it;</li>
 *     <li>poison records are dead-lettered (through the outbox, in the same transaction) or only counted.</li>
 * </ol>
 * Any other exception leaves the transaction rolled back and is thrown: the caller retries the whole batch.
 */
@ApplicationScoped
public class EventBatchProcessor {

    private static final Logger LOG = Logger.getLogger(EventBatchProcessor.class);

    /** What happens to poison records. */
    public enum Poison {
        /** Sent to the dead-letter topic with the reason (the live consumer), once per record position. */
        DEAD_LETTER,
        /** Only counted and logged (a replay, or a redrive of a dead-lettered record). */
        SKIP
    }

    /** Per record of the batch, in order: its outcome, and for poison the reason. */
    public record Result(List<Outcome> outcomes, Map<Integer, String> poisonReasons) {
        public long count(Outcome outcome) {
            return outcomes.stream().filter(outcome::equals).count();
        }
    }

    private final Map<String, EventHandler<?>> handlers = new HashMap<>();
    private final EventCodec codec;
    private final ProcessedEvents processed;
    private final DeadLetters deadLetters;
    private final EntityManager entityManager;
    private final EventTracing tracing;
    private final MeterRegistry registry;

    public EventBatchProcessor(Instance<EventHandler<?>> handlers, EventCodec codec, ProcessedEvents processed,
                               DeadLetters deadLetters, EntityManager entityManager, EventTracing tracing,
                               MeterRegistry registry, MessagingConfig config) {
        this.tracing = tracing;
        this.registry = registry;
        handlers.forEach(handler -> this.handlers.put(handler.type().topic(), handler));
        config.kafka().consumedTopics().filter(declared -> !declared.equals(this.handlers.keySet()))
                .ifPresent(declared -> {
                    throw new IllegalStateException("monitor.kafka.consumed-topics " + declared + " is not the topics "
                            + "this service has an event handler for " + this.handlers.keySet());
                });
        this.codec = codec;
        this.processed = processed;
        this.deadLetters = deadLetters;
        this.entityManager = entityManager;
    }

    /** The topics there is a handler for. */
    public Set<String> topics() {
        return Set.copyOf(handlers.keySet());
    }

    public Result process(List<ConsumerRecord<String, String>> records, Poison poison) {
        return process(records, poison, result -> {
        });
    }

    /**
     * As {@link #process(List, Poison)}, and {@code alsoInTransaction} runs with the batch's result in its transaction
     * before the commit (a redrive records itself in the audit trail so), once per attempt that gets that far.
     */
    public Result process(List<ConsumerRecord<String, String>> records, Poison poison,
                          Consumer<Result> alsoInTransaction) {
        Map<Integer, String> poisonReasons = new HashMap<>();
        List<CloudEvent<?>> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            events.add(decode(records.get(i), i, poisonReasons));
        }
        while (true) {
            try {
                Outcome[] outcomes = QuarkusTransaction.requiringNew().call(() -> {
                    Outcome[] applied = apply(records, events, poisonReasons, poison);
                    alsoInTransaction.accept(new Result(Arrays.asList(applied), Map.copyOf(poisonReasons)));
                    return applied;
                });
                count(records, outcomes, poison == Poison.DEAD_LETTER);
                return new Result(Arrays.asList(outcomes), Map.copyOf(poisonReasons));
            } catch (PoisonRecord e) {
                poisonReasons.put(e.index, e.reason);
                LOG.warnf("Poison record %s: %s; processing its batch again without it",
                        DeadLetters.positionOf(records.get(e.index)), e.reason);
            }
        }
    }

    /**
     * Processes a batch as {@link #process} does, but inside the caller's transaction, so that a replay of many
     * batches commits whole or not at all (the read-model rebuild): a handler's poison rolls back to a savepoint
     * taken before the batch, which then runs again without that record. Any other exception is thrown and leaves the
     * caller's transaction to roll back.
     */
    @jakarta.transaction.Transactional(jakarta.transaction.Transactional.TxType.MANDATORY)
    public Result processWithin(List<ConsumerRecord<String, String>> records, Poison poison) {
        Map<Integer, String> poisonReasons = new HashMap<>();
        List<CloudEvent<?>> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            events.add(decode(records.get(i), i, poisonReasons));
        }
        while (true) {
            entityManager.createNativeQuery("SAVEPOINT event_batch").executeUpdate();
            try {
                Outcome[] outcomes = apply(records, events, poisonReasons, poison);
                entityManager.createNativeQuery("RELEASE SAVEPOINT event_batch").executeUpdate();
                return new Result(Arrays.asList(outcomes), Map.copyOf(poisonReasons));
            } catch (PoisonRecord e) {
                entityManager.clear();
                entityManager.createNativeQuery("ROLLBACK TO SAVEPOINT event_batch").executeUpdate();
                poisonReasons.put(e.index, e.reason);
                LOG.warnf("Poison record %s: %s; processing its batch again without it",
                        DeadLetters.positionOf(records.get(e.index)), e.reason);
            }
        }
    }

    /**
     * Counts the committed outcomes per topic ({@code monitor_consumer_events_total{topic, outcome}}): a
     * {@code DUPLICATE} is an event handed over again (a redelivery after a crash, a replay, a resend). For the live
     * consumer also how long each event waited on its topic before this commit ({@code monitor_consumer_delay_seconds}
     * per topic, a histogram: the latency of this stage of the pipeline).
     */
    private void count(List<ConsumerRecord<String, String>> records, Outcome[] outcomes, boolean live) {
        long now = System.currentTimeMillis();
        Map<String, Map<Outcome, Integer>> counts = new HashMap<>();
        Map<String, Timer> delays = new HashMap<>(); // looked up once per topic of the batch, not per record
        for (int i = 0; i < records.size(); i++) {
            String topic = records.get(i).topic();
            counts.computeIfAbsent(topic, t -> new java.util.EnumMap<>(Outcome.class))
                    .merge(outcomes[i], 1, Integer::sum);
            long timestamp = records.get(i).timestamp();
            if (live && timestamp > 0) {
                delays.computeIfAbsent(topic, t -> Timer.builder("monitor.consumer.delay")
                                .description("From an event's append to its topic to its commit here")
                                .tag("topic", t).register(registry))
                        .record(Math.max(0, now - timestamp), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        }
        counts.forEach((topic, byOutcome) -> byOutcome.forEach((outcome, n) ->
                Counter.builder("monitor.consumer.events").description("Events this service's consumer processed")
                        .tag("topic", topic).tag("outcome", outcome.name()).register(registry).increment(n)));
    }

    private CloudEvent<?> decode(ConsumerRecord<String, String> record, int index, Map<Integer, String> poison) {
        EventHandler<?> handler = handlers.get(record.topic());
        if (handler == null) {
            poison.put(index, "no handler for topic " + record.topic());
            return null;
        }
        try {
            return codec.decode(record.value(), handler.type());
        } catch (PoisonEventException e) {
            poison.put(index, e.getMessage());
            return null;
        }
    }

    private Outcome[] apply(List<ConsumerRecord<String, String>> records, List<CloudEvent<?>> events,
                            Map<Integer, String> poisonReasons, Poison poison) {
        Set<String> marks = new LinkedHashSet<>();
        for (int i = 0; i < records.size(); i++) {
            if (!poisonReasons.containsKey(i)) {
                marks.add(events.get(i).id());
            } else if (poison == Poison.DEAD_LETTER) {
                marks.add(poisonMark(records.get(i)));
            }
        }
        Set<String> fresh = processed.firstTime(marks);
        Set<String> appliedNow = new HashSet<>();
        Outcome[] outcomes = new Outcome[records.size()];
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            String reason = poisonReasons.get(i);
            if (reason != null) {
                if (poison == Poison.DEAD_LETTER && fresh.contains(poisonMark(record))) {
                    deadLetters.send(record, reason);
                }
                outcomes[i] = Outcome.POISON;
                continue;
            }
            CloudEvent<?> event = events.get(i);
            if (!fresh.contains(event.id()) || !appliedNow.add(event.id())) {
                outcomes[i] = Outcome.DUPLICATE;
                continue;
            }
            Span span = tracing.startProcessing(record, event.id());
            try (Scope ignored = span.makeCurrent()) {
                outcomes[i] = handle(handlers.get(record.topic()), event);
                // Write this event's changes now and forget its entities: a persistence context that grew over the
                // whole batch would be dirty-checked again at every query of every later event.
                entityManager.flush();
                entityManager.clear();
                span.setAttribute("monitor.outcome", outcomes[i].name());
            } catch (PoisonEventException e) {
                span.setStatus(StatusCode.ERROR, "poison: " + e.getMessage());
                throw new PoisonRecord(i, e.getMessage());
            } catch (RuntimeException e) {
                span.recordException(e);
                span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
                throw e;
            } finally {
                span.end();
            }
        }
        return outcomes;
    }

    @SuppressWarnings("unchecked")
    private static <T> Outcome handle(EventHandler<T> handler, CloudEvent<?> event) {
        return handler.handle((CloudEvent<T>) event);
    }

    private static String poisonMark(ConsumerRecord<String, String> record) {
        return "poison:" + DeadLetters.positionOf(record);
    }

    /** Thrown out of the transaction to roll it back when a handler found record {@code index} poison. */
    private static final class PoisonRecord extends RuntimeException {
        final int index;
        final String reason;

        PoisonRecord(int index, String reason) {
            super(reason, null, false, false);
            this.index = index;
            this.reason = reason;
        }
    }
}
