package nl.monitor.notification.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.monitor.domain.questionnaire.Questionnaires;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.ThresholdCrossed;
import nl.monitor.messaging.audit.AuditTrail;
import nl.monitor.notification.Channel;
import nl.monitor.notification.Subscription;
import nl.monitor.notification.channel.webhook.WebhookUrls;
import nl.monitor.notification.channel.Channels;
import nl.monitor.notification.channel.DeliveryChannel;
import nl.monitor.notification.channel.webhook.WebhookChannel;
import nl.monitor.notification.repository.DeliveryRepository;
import nl.monitor.notification.repository.SubscriptionRepository;
import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivision;
import nl.monitor.rest.InvalidInputException;
import nl.monitor.rest.Problem;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates, lists, changes and deletes subscriptions; each channel checks and stores its own target fields. Creating,
 * changing and deleting are recorded in the audit trail ({@value #CREATED}, {@value #CHANGED}, {@value #DELETED}) in
 * their transaction.
 */
@ApplicationScoped
public class SubscriptionService {

    public static final String CREATED = "subscription.created";
    public static final String DELETED = "subscription.deleted";
    public static final String CHANGED = "subscription.changed";

    private static final Logger LOG = Logger.getLogger(SubscriptionService.class);
    private static final int MAX_DESCRIPTION_LENGTH = 500;

    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final Channels channels;
    private final WebhookChannel webhooks;
    private final AuditTrail audit;
    private final MunicipalityDivision municipalities = MunicipalityDivision.shipped();

    private final ObjectMapper json;

    public SubscriptionService(SubscriptionRepository subscriptions, DeliveryRepository deliveries, Channels channels,
                               WebhookChannel webhooks, EventCodec codec, AuditTrail audit) {
        this.audit = audit;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.channels = channels;
        this.webhooks = webhooks;
        this.json = codec.mapper();
    }

    /** What the subscription wants to hear about; everything when it set no filter. */
    public SubscriptionFilter filterOf(Subscription subscription) {
        if (subscription.filter == null) {
            return SubscriptionFilter.EVERYTHING;
        }
        try {
            return json.readValue(subscription.filter, SubscriptionFilter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored filter of subscription " + subscription.id + " cannot be read", e);
        }
    }

    private SubscriptionView view(Subscription subscription) {
        return SubscriptionView.of(subscription, subscription.filter == null ? null : filterOf(subscription));
    }

    private void validate(SubscriptionFilter filter, String subscriptionRegion, List<Problem.FieldError> errors) {
        for (int i = 0; i < filter.indicators().size(); i++) {
            String indicator = filter.indicators().get(i);
            if (!SubscriptionFilter.ALL_INDICATORS.equals(indicator)
                    && (indicator == null || nl.monitor.domain.indicator.Indicators.all().stream()
                    .noneMatch(set -> set.indicator(indicator).isPresent()))) {
                errors.add(new Problem.FieldError("filter.indicators[" + i + "]", "unknown-indicator",
                        "no indicator '" + indicator + "' in the indicator sets; \"*\" stands for all"));
            }
        }
        for (int i = 0; i < filter.municipalities().size(); i++) {
            String code = filter.municipalities().get(i);
            String region = municipalities.municipality(code).map(Municipality::region).orElse(null);
            if (region == null) {
                errors.add(new Problem.FieldError("filter.municipalities[" + i + "]", "unknown-municipality",
                        "no municipality '" + code + "' in the " + municipalities.year() + " division"));
            } else if (!region.equals(subscriptionRegion)) {
                errors.add(new Problem.FieldError("filter.municipalities[" + i + "]", "other-region",
                        code + " lies in region " + region + ", not in " + subscriptionRegion));
            }
        }
        for (int i = 0; i < filter.thresholds().size(); i++) {
            ThresholdCrossed.Threshold threshold = filter.thresholds().get(i);
            String at = "filter.thresholds[" + i + "]";
            if (threshold == null || threshold.scope() == null) {
                errors.add(new Problem.FieldError(at + ".scope", "required", "a threshold is on TOTAL or a GOAL"));
                continue;
            }
            boolean goalFits = threshold.scope() == ThresholdCrossed.Threshold.Scope.TOTAL ? threshold.goal() == null
                    : threshold.goal() != null && Questionnaires.goalNumbers().contains(threshold.goal());
            if (!goalFits) {
                errors.add(new Problem.FieldError(at + ".goal", "invalid-goal", "a GOAL threshold names a goal of "
                        + "the questionnaires " + Questionnaires.goalNumbers() + "; a TOTAL threshold none"));
            }
            if (threshold.value() < 0 || threshold.value() > 100) {
                errors.add(new Problem.FieldError(at + ".value", "out-of-range", "a threshold lies in 0-100"));
            }
        }
    }

    /**
     * Checks a subscription request without storing it.
     *
     * @throws InvalidInputException naming every invalid field
     */
    public void validate(SubscriptionRequest request) {
        if (request == null) {
            throw InvalidInputException.of("body", "required", "a subscription body is required");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.region() == null || request.region().isBlank()) {
            errors.add(new Problem.FieldError("region", "required", "the Veilig Thuis region is required"));
        } else if (!municipalities.regions().contains(request.region())) {
            errors.add(new Problem.FieldError("region", "unknown-region", "no Veilig Thuis region '"
                    + request.region() + "' in the " + municipalities.year() + " division"));
        }
        DeliveryChannel channel = channels.of(request.channelOrDefault());
        request.targetFields().forEach((field, value) -> {
            if (value != null && !channel.targetFields().contains(field)) {
                errors.add(new Problem.FieldError(field, "not-for-channel", "a " + channel.channel()
                        + " subscription has no " + field));
            }
        });
        channel.validate(request, errors);
        validateOptions(request, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The subscription has " + errors.size() + " problem(s)", errors);
        }
    }

    /** The checks of what may change later: description and filter (the channel checks its options itself). */
    private void validateOptions(SubscriptionRequest request, List<Problem.FieldError> errors) {
        if (request.description() != null && request.description().length() > MAX_DESCRIPTION_LENGTH) {
            errors.add(new Problem.FieldError("description", "too-long",
                    "a description has at most " + MAX_DESCRIPTION_LENGTH + " characters"));
        }
        if (request.filter() != null && request.region() != null) {
            validate(request.filter(), request.region(), errors);
        }
    }

    /**
     * Replaces a subscription's description, filter and digest, checked as at creation.
     *
     * @return the changed subscription; empty when there is no such active subscription
     * @throws InvalidInputException naming every invalid field
     */
    @Transactional
    public Optional<SubscriptionView> change(UUID id, SubscriptionChange change, String by) {
        if (change == null) {
            throw InvalidInputException.of("body", "required", "a body with description, filter and digest is required");
        }
        Optional<Subscription> found = subscriptions.active(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Subscription subscription = found.get();
        SubscriptionRequest options = change.asRequest(subscription.region, subscription.channel);
        List<Problem.FieldError> errors = new ArrayList<>();
        channels.of(subscription.channel).validateOptions(options, errors);
        validateOptions(options, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The change has " + errors.size() + " problem(s)", errors);
        }
        boolean digestBefore = subscription.digest;
        subscription.description = options.description() == null || options.description().isBlank() ? null
                : options.description().strip();
        subscription.filter = options.filter() == null ? null : write(options.filter());
        subscription.digest = options.digestOrDefault();
        int released = 0;
        if (digestBefore && !subscription.digest) {
            // what waited for the next digest goes out one by one now, as it would have without a digest
            released = deliveries.dueNow(id, Instant.now().truncatedTo(ChronoUnit.MICROS));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("region", subscription.region);
        details.put("owner", subscription.owner);
        details.put("digest", subscription.digest);
        details.put("deliveriesReleasedFromDigest", released);
        details.put("filter", subscription.filter);
        audit.record(CHANGED, subject(id), null, details);
        LOG.infof("Subscription %s for region %s changed by %s: digest %s (was %s), filter %s", id,
                subscription.region, by, subscription.digest, digestBefore, subscription.filter);
        return Optional.of(view(subscription));
    }

    /** Stores a valid subscription; the answer carries the secret only when it was generated here. */
    @Transactional
    public SubscriptionView create(SubscriptionRequest request, String owner) {
        validate(request);
        Channel channel = request.channelOrDefault();
        Subscription subscription = new Subscription();
        subscription.id = UUID.randomUUID();
        subscription.region = request.region();
        subscription.channel = channel;
        String secret = channels.of(channel).storeTarget(request, subscription);
        subscription.digest = request.digestOrDefault();
        subscription.description = request.description() == null || request.description().isBlank() ? null
                : request.description().strip();
        subscription.owner = owner;
        subscription.filter = request.filter() == null ? null : write(request.filter());
        subscription.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        subscriptions.persist(subscription);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("region", subscription.region);
        details.put("channel", channel);
        details.put("target", channel == Channel.WEBHOOK ? WebhookUrls.redacted(subscription.url) : channel == Channel.EMAIL
                ? subscription.email : null);
        details.put("digest", subscription.digest);
        details.put("filter", subscription.filter);
        audit.record(CREATED, subject(subscription.id), null, details);
        LOG.infof("Subscription %s for region %s created by %s: %s %s", subscription.id, subscription.region, owner,
                channel, channel == Channel.WEBHOOK ? WebhookUrls.redacted(subscription.url)
                        : channel == Channel.EMAIL ? subscription.email
                        : "");
        return view(subscription).withSecret(secret);
    }

    public Optional<SubscriptionView> find(UUID id) {
        return subscriptions.active(id).map(this::view);
    }

    /** The active subscriptions, of one region or (null) of all. */
    public List<SubscriptionView> list(String region) {
        List<Subscription> found = region == null ? subscriptions.allActive() : subscriptions.activeInRegion(region);
        return found.stream().map(this::view).toList();
    }


    /**
     * Gives a webhook subscription a new secret; the old one signs calls too until the overlap ends.
     *
     * @return the rotation (with the new secret, to be shown once); empty when there is no such active subscription
     * @throws IllegalStateException for a subscription of another channel
     */
    @Transactional
    public Optional<SecretRotation> rotateSecret(UUID id, String by) {
        Optional<Subscription> found = subscriptions.active(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Subscription subscription = found.get();
        if (subscription.channel != Channel.WEBHOOK) {
            throw new IllegalStateException("Subscription " + id + " is a " + subscription.channel
                    + " subscription; only WEBHOOK subscriptions have a secret");
        }
        String secret = webhooks.rotateSecret(subscription, Instant.now().truncatedTo(ChronoUnit.MICROS));
        LOG.infof("Secret of subscription %s (region %s) rotated by %s; the previous one signs too until %s", id,
                subscription.region, by, subscription.previousSecretUntil);
        return Optional.of(new SecretRotation(id, secret, subscription.previousSecretUntil));
    }

    /** Deletes a subscription: nothing more is sent to it, and what was still waiting is cancelled. */
    @Transactional
    public boolean delete(UUID id, String by) {
        Optional<Subscription> found = subscriptions.active(id);
        if (found.isEmpty()) {
            return false;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        found.get().deletedAt = now;
        // Nothing is signed for it any more: its secrets go (the row stays for its delivery log).
        found.get().secret = null;
        found.get().previousSecret = null;
        found.get().previousSecretUntil = null;
        int cancelled = deliveries.cancelPending(id, now);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("region", found.get().region);
        details.put("owner", found.get().owner);
        details.put("pendingDeliveriesCancelled", cancelled);
        audit.record(DELETED, subject(id), null, details);
        LOG.infof("Subscription %s for region %s deleted by %s; %d pending deliveries cancelled", id,
                found.get().region, by, cancelled);
        return true;
    }


    private static String subject(UUID id) {
        return "subscription/" + id;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
