package nl.monitor.notification.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.ThresholdCrossed;
import nl.monitor.messaging.EventTracing;
import nl.monitor.messaging.consume.EventHandler;
import nl.monitor.messaging.consume.Outcome;
import nl.monitor.notification.Alert;
import nl.monitor.notification.AlertState;
import nl.monitor.notification.Delivery;
import nl.monitor.notification.IndicatorAlert;
import nl.monitor.notification.DeliveryStatus;
import nl.monitor.notification.Subscription;
import nl.monitor.notification.TargetAlert;
import nl.monitor.notification.delivery.DigestSchedule;
import nl.monitor.notification.delivery.WebhookPayload;
import nl.monitor.notification.repository.AlertRepository;
import nl.monitor.notification.repository.DeliveryRepository;
import nl.monitor.notification.repository.SubscriptionRepository;
import nl.monitor.notification.subscription.SubscriptionFilter;
import nl.monitor.notification.subscription.SubscriptionService;
import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivisions;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns each threshold crossing into one alert and one pending delivery per subscription of its region, in the
 * consumer's transaction: a redelivered event, or another event about the same crossing, alerts nobody twice.
 */
@ApplicationScoped
public class AlertService implements EventHandler<ThresholdCrossed> {

    private static final Logger LOG = Logger.getLogger(AlertService.class);

    private final AlertRepository alerts;
    private final SubscriptionRepository subscriptions;
    private final SubscriptionService subscriptionService;
    private final DigestSchedule digestSchedule;
    private final DeliveryRepository deliveries;
    private final Event<AlertRaised> raised;
    private final ObjectMapper json;
    private final EventTracing tracing;

    public AlertService(AlertRepository alerts, SubscriptionRepository subscriptions,
                        SubscriptionService subscriptionService, DigestSchedule digestSchedule,
                        DeliveryRepository deliveries,
                        Event<AlertRaised> raised, EventCodec codec,
                        EventTracing tracing) {
        this.subscriptionService = subscriptionService;
        this.digestSchedule = digestSchedule;
        this.alerts = alerts;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.raised = raised;
        this.json = codec.mapper();
        this.tracing = tracing;
    }

    @Override
    public EventType type() {
        return EventType.THRESHOLD_CROSSED;
    }

    /** Raises the alert of one crossing, inside the transaction of its batch (see {@link EventHandler}). */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome handle(CloudEvent<ThresholdCrossed> event) {
        ThresholdCrossed crossing = event.data();
        Optional<Alert> earlier = alerts.byCrossing(crossing.crossingId());
        if (earlier.isPresent()) {
            LOG.infof("Crossing %s of %s %d already raised alert %s (event %s); nothing to do",
                    crossing.crossingId(), crossing.municipality(), crossing.year(), earlier.get().id, event.id());
            return Outcome.DUPLICATE;
        }
        Alert alert = store(event.id(), crossing);
        // a score's crossing down fires; an indicator's fires on the side its threshold alerts; a target's when missed
        boolean down = crossing.firing();
        List<Subscription> subscribers = new ArrayList<>(down ? List.of() : resolve(alert, crossing));
        for (Subscription subscription : subscriptions.activeInRegion(alert.region)) {
            SubscriptionFilter filter = subscriptionService.filterOf(subscription);
            // an alert goes to every matching filter; a recovery only to those who asked for recoveries explicitly
            boolean wants = filter.matches(crossing) && (down || filter.direction() == ThresholdCrossed.Direction.UP);
            if (wants && subscribers.stream().noneMatch(s -> s.id.equals(subscription.id))) {
                subscribers.add(subscription);
            }
        }
        for (Subscription subscription : subscribers) {
            deliveries.persist(delivery(alert, subscription));
        }
        raised.fire(new AlertRaised(AlertView.of(alert), subscribers.size()));
        if (alert.target != null) {
            LOG.infof("Alert %s (%s): %s's own target %s %d (%s): %s, result %s; %d subscription(s) of region %s to "
                    + "notify", alert.id, alert.type, alert.municipality, alert.targetSeries, alert.target.year(),
                    alert.target.target(), alert.target.status(), alert.target.result(), subscribers.size(),
                    alert.region);
        } else if (alert.indicator != null) {
            LOG.infof("Alert %s (%s): indicator %s of %s %s %s crossed %s %s (%s -> %s); %d subscription(s) of region "
                    + "%s to notify", alert.id, alert.type, alert.indicator.indicator(), alert.indicator.area(),
                    alert.indicator.period(), alert.indicator.breakdown(), alert.direction,
                    alert.indicator.threshold(), alert.indicator.previousValue(), alert.indicator.value(),
                    subscribers.size(), alert.region);
        } else {
            LOG.infof("Alert %s (%s): %s %d crossed %s %s %.0f (%s -> %.2f); %d subscription(s) of region %s to "
                    + "notify", alert.id, alert.type, alert.municipality, alert.year, alert.thresholdScope,
                    alert.direction, alert.thresholdValue, alert.previousScore, alert.newScore, subscribers.size(),
                    alert.region);
        }
        return Outcome.APPLIED;
    }

    /**
     * A crossing back up resolves the municipality's open alert on that threshold and becomes a resolved notice to
     * every subscription that got the alert and is still active (besides those whose filter asks for recoveries).
     * Without an open alert (nobody was told it fired) it is kept, resolved, and sent only to those filters.
     */
    private List<Subscription> resolve(Alert notice, ThresholdCrossed crossing) {
        notice.state = AlertState.RESOLVED;
        notice.resolvedAt = notice.receivedAt;
        Optional<Alert> open = crossing.target() != null ? alerts.openOfTargetSeries(notice.targetSeries)
                : crossing.indicator() != null ? alerts.openOfSeries(notice.indicatorSeries)
                : alerts.open(crossing.municipality(), crossing.threshold());
        if (open.isEmpty()) {
            return List.of();
        }
        Alert resolved = open.get();
        resolved.state = AlertState.RESOLVED;
        resolved.resolvedAt = notice.receivedAt;
        notice.type = Alert.RESOLVED;
        notice.resolvesAlertId = resolved.id;
        return deliveries.subscriptionsOf(resolved.id).stream().map(subscriptions::active).flatMap(Optional::stream)
                .toList();
    }

    private Alert store(String eventId, ThresholdCrossed crossing) {
        Alert alert = new Alert();
        alert.id = UUID.randomUUID();
        alert.crossingId = crossing.crossingId();
        alert.eventId = eventId;
        alert.type = Alert.THRESHOLD_CROSSED;
        alert.municipality = crossing.municipality();
        // its name in the year's division (Bellingwedde in 2014), a current code's for events from before issue 26
        alert.municipalityName = crossing.municipality() == null ? null
                : MunicipalityDivisions.municipalityOf(crossing.municipality(), crossing.year())
                .map(Municipality::name).orElse(null);
        alert.region = crossing.region();
        alert.year = crossing.year();
        // an indicator's crossing has no score threshold: its own is in the indicator part
        alert.thresholdScope = crossing.threshold() == null ? null : crossing.threshold().scope();
        alert.thresholdGoal = crossing.threshold() == null ? null : crossing.threshold().goal();
        alert.questionnaireVersion = crossing.questionnaireVersion();
        alert.thresholdValue = crossing.threshold() != null ? crossing.threshold().value()
                : crossing.target() != null ? crossing.target().target().doubleValue()
                : crossing.indicator().threshold().doubleValue();
        alert.direction = crossing.direction();
        alert.previousScore = crossing.previousScore();
        alert.newScore = crossing.newScore();
        if (crossing.indicator() != null) {
            alert.indicator = IndicatorAlert.of(crossing.indicator());
            alert.indicatorSeries = alert.indicator.series();
        }
        if (crossing.target() != null) {
            alert.target = TargetAlert.of(crossing.target(), crossing.questionnaireVersion());
            alert.targetSeries = alert.target.series(crossing.municipality());
        }
        alert.previousBand = crossing.previousBand();
        alert.newBand = crossing.newBand();
        alert.scoreEventId = crossing.scoreEventId();
        alert.submissionId = crossing.submissionId();
        alert.occurredAt = crossing.occurredAt().truncatedTo(ChronoUnit.MICROS);
        alert.receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        alert.state = AlertState.OPEN;
        alerts.persist(alert);
        return alert;
    }

    private Delivery delivery(Alert alert, Subscription subscription) {
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        delivery.alertId = alert.id;
        delivery.subscriptionId = subscription.id;
        delivery.status = DeliveryStatus.PENDING;
        delivery.attempts = 0;
        delivery.createdAt = alert.receivedAt;
        // one by one: due at once; for a digest subscription: due with the next digest
        delivery.nextAttemptAt = subscription.digest ? digestSchedule.next(alert.receivedAt) : alert.receivedAt;
        delivery.payload = write(WebhookPayload.of(delivery.id, alert));
        delivery.traceparent = tracing.currentTraceparent();
        return delivery;
    }

    public Optional<AlertView> find(UUID id) {
        return alerts.findByIdOptional(id).map(AlertView::of);
    }

    /** The newest alerts matching every filter given (null matches all). */
    public List<AlertView> search(String region, String municipality, Integer year, AlertState state, int limit) {
        return alerts.search(region, municipality, year, state, limit).stream().map(AlertView::of).toList();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
