package nl.monitor.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.ThresholdCrossed;
import nl.monitor.notification.Channel;
import nl.monitor.notification.Delivery;
import nl.monitor.notification.DeliveryAttempt;
import nl.monitor.notification.Subscription;
import nl.monitor.notification.repository.DeliveryAttemptRepository;
import nl.monitor.notification.repository.DeliveryRepository;
import nl.monitor.notification.repository.SubscriptionRepository;
import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivision;
import nl.monitor.rest.InvalidInputException;
import nl.monitor.rest.Problem;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Creates, lists and deletes subscriptions (webhook, e-mail, live stream), and shows their delivery log. */
@ApplicationScoped
public class SubscriptionService {

    private static final Logger LOG = Logger.getLogger(SubscriptionService.class);
    /** Shorter secrets are too easy to guess; 32 random bytes are generated when none is given. */
    static final int MIN_SECRET_LENGTH = 16;
    private static final int MAX_SECRET_LENGTH = 256;
    private static final int GENERATED_SECRET_BYTES = 32;
    private static final int MAX_URL_LENGTH = 2048;
    private static final int MAX_DESCRIPTION_LENGTH = 500;
    private static final int MAX_EMAIL_LENGTH = 254;
    /** A plain address: no display name, no spaces, one @, a dotted domain. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\",;]+@[^@\\s<>\",;]+\\.[^@\\s<>\",;.]+");

    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final DeliveryAttemptRepository attempts;
    private final SecureRandom random = new SecureRandom();
    private final MunicipalityDivision municipalities = MunicipalityDivision.shipped();

    private final ObjectMapper json;

    public SubscriptionService(SubscriptionRepository subscriptions, DeliveryRepository deliveries,
                               DeliveryAttemptRepository attempts, EventCodec codec) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.attempts = attempts;
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
                    : threshold.goal() != null && threshold.goal() >= 1 && threshold.goal() <= 10;
            if (!goalFits) {
                errors.add(new Problem.FieldError(at + ".goal", "invalid-goal",
                        "a GOAL threshold names a goal 1-10; a TOTAL threshold none"));
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
        switch (request.channelOrDefault()) {
            case WEBHOOK -> {
                urlProblem(request.url()).ifPresent(errors::add);
                if (request.secret() != null && (request.secret().length() < MIN_SECRET_LENGTH
                        || request.secret().length() > MAX_SECRET_LENGTH)) {
                    errors.add(new Problem.FieldError("secret", "invalid-length", "a secret has " + MIN_SECRET_LENGTH
                            + " to " + MAX_SECRET_LENGTH + " characters; leave it out to have one generated"));
                }
                notFor(Channel.WEBHOOK, "email", request.email(), errors);
            }
            case EMAIL -> {
                emailProblem(request.email()).ifPresent(errors::add);
                notFor(Channel.EMAIL, "url", request.url(), errors);
                notFor(Channel.EMAIL, "secret", request.secret(), errors);
            }
            case STREAM -> {
                notFor(Channel.STREAM, "url", request.url(), errors);
                notFor(Channel.STREAM, "secret", request.secret(), errors);
                notFor(Channel.STREAM, "email", request.email(), errors);
                if (request.digestOrDefault()) {
                    errors.add(new Problem.FieldError("digest", "not-for-channel",
                            "a live stream has no digest; choose WEBHOOK or EMAIL for a daily digest"));
                }
            }
        }
        if (request.description() != null && request.description().length() > MAX_DESCRIPTION_LENGTH) {
            errors.add(new Problem.FieldError("description", "too-long",
                    "a description has at most " + MAX_DESCRIPTION_LENGTH + " characters"));
        }
        if (request.filter() != null && request.region() != null) {
            validate(request.filter(), request.region(), errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The subscription has " + errors.size() + " problem(s)", errors);
        }
    }

    private static void notFor(Channel channel, String field, String value, List<Problem.FieldError> errors) {
        if (value != null) {
            errors.add(new Problem.FieldError(field, "not-for-channel", "a " + channel + " subscription has no "
                    + field));
        }
    }

    private static Optional<Problem.FieldError> emailProblem(String email) {
        if (email == null || email.isBlank()) {
            return Optional.of(new Problem.FieldError("email", "required", "the e-mail address is required"));
        }
        if (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
            return Optional.of(new Problem.FieldError("email", "invalid-email",
                    "an e-mail address is local-part@domain, at most " + MAX_EMAIL_LENGTH + " characters"));
        }
        return Optional.empty();
    }

    private static Optional<Problem.FieldError> urlProblem(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of(new Problem.FieldError("url", "required", "the webhook URL is required"));
        }
        String message = "the webhook URL must be an absolute http or https URL with a host, at most "
                + MAX_URL_LENGTH + " characters";
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of(new Problem.FieldError("url", "invalid-url", message));
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null
                    || !(scheme.equals("http") || scheme.equals("https"))) {
                return Optional.of(new Problem.FieldError("url", "invalid-url", message));
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of(new Problem.FieldError("url", "invalid-url", message));
        }
    }

    /** Stores a valid subscription; the answer carries the secret only when it was generated here. */
    @Transactional
    public SubscriptionView create(SubscriptionRequest request, String owner) {
        validate(request);
        Channel channel = request.channelOrDefault();
        String generated = channel == Channel.WEBHOOK && request.secret() == null ? generateSecret() : null;
        Subscription subscription = new Subscription();
        subscription.id = UUID.randomUUID();
        subscription.region = request.region();
        subscription.channel = channel;
        subscription.url = request.url();
        subscription.secret = generated == null ? request.secret() : generated;
        subscription.email = request.email() == null ? null : request.email().strip();
        subscription.digest = request.digestOrDefault();
        subscription.description = request.description() == null || request.description().isBlank() ? null
                : request.description().strip();
        subscription.owner = owner;
        subscription.filter = request.filter() == null ? null : write(request.filter());
        subscription.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        subscriptions.persist(subscription);
        LOG.infof("Subscription %s for region %s created by %s: %s %s", subscription.id, subscription.region, owner,
                channel, channel == Channel.WEBHOOK ? subscription.url : channel == Channel.EMAIL ? subscription.email
                        : "");
        return view(subscription).withSecret(generated);
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
     * What waits for the subscription is due now: a client connected to its live stream, or the coordinator asked for
     * the digest now. Returns how many deliveries.
     */
    @Transactional
    public int dueNow(UUID id) {
        return deliveries.dueNow(id, Instant.now().truncatedTo(ChronoUnit.MICROS));
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
        int cancelled = deliveries.cancelPending(id, now);
        LOG.infof("Subscription %s for region %s deleted by %s; %d pending deliveries cancelled", id,
                found.get().region, by, cancelled);
        return true;
    }

    /** The subscription's deliveries, newest first, each with its attempts. */
    public List<DeliveryView> deliveries(UUID subscriptionId, int limit) {
        List<Delivery> found = deliveries.ofSubscription(subscriptionId, limit);
        Map<UUID, List<DeliveryAttempt>> byDelivery = attempts.ofDeliveries(found.stream().map(d -> d.id).toList())
                .stream().collect(Collectors.groupingBy(a -> a.deliveryId));
        return found.stream().map(d -> DeliveryView.of(d, byDelivery.getOrDefault(d.id, List.of()))).toList();
    }

    private String generateSecret() {
        byte[] bytes = new byte[GENERATED_SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
