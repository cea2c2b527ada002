package nl.monitor.scoring.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import nl.monitor.contracts.ThresholdCrossed.AlertWhen;
import nl.monitor.domain.indicator.AreaLevel;
import nl.monitor.domain.indicator.Dimension;
import nl.monitor.domain.indicator.Indicator;
import nl.monitor.domain.indicator.IndicatorSet;
import nl.monitor.domain.indicator.Indicators;
import nl.monitor.messaging.audit.AuditTrail;
import nl.monitor.reference.MunicipalityDivision;
import nl.monitor.rest.Caller;
import nl.monitor.rest.InvalidInputException;
import nl.monitor.rest.Problem;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The coordinators' thresholds on indicators: created and deleted by the region's coordinator (or an admin), read by
 * them and by analysts. A threshold watches figures recorded after it was made ({@link IndicatorThresholdWatch}),
 * and in the transaction that makes it evaluates the latest figures recorded before it
 * ({@link IndicatorThresholdWatch#evaluateRecorded}): an area already past it alerts at once.
 */
@ApplicationScoped
public class IndicatorThresholds {

    public static final String CREATED = "indicator-threshold.created";
    public static final String DELETED = "indicator-threshold.deleted";
    private static final int MAX_DESCRIPTION = 500;

    private static final Logger LOG = Logger.getLogger(IndicatorThresholds.class);

    private final IndicatorThresholdRepository thresholds;
    private final IndicatorThresholdWatch watch;
    private final AuditTrail audit;

    public IndicatorThresholds(IndicatorThresholdRepository thresholds, IndicatorThresholdWatch watch,
                               AuditTrail audit) {
        this.thresholds = thresholds;
        this.watch = watch;
        this.audit = audit;
    }

    @Transactional
    public IndicatorThresholdView create(IndicatorThresholdRequest request, Caller caller) {
        if (request == null) {
            throw InvalidInputException.of("body", "required", "a body {region, indicator, value, alertWhen} is required");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        String region = request.region();
        if (region == null || region.isBlank()) {
            errors.add(new Problem.FieldError("region", "required", "the Veilig Thuis region is required"));
        } else if (!MunicipalityDivision.shipped().regions().contains(region)) {
            errors.add(new Problem.FieldError("region", "unknown-region", "not a Veilig Thuis region: " + region));
        } else {
            caller.requireRegion(region);
        }
        IndicatorSet set = Indicators.latest();
        Optional<Indicator> indicator = Optional.ofNullable(request.indicator()).flatMap(set::indicator);
        if (request.indicator() == null || request.indicator().isBlank()) {
            errors.add(new Problem.FieldError("indicator", "required", "the indicator is required"));
        } else if (indicator.isEmpty()) {
            errors.add(new Problem.FieldError("indicator", "unknown-indicator", "no indicator " + request.indicator()
                    + " in indicator set v" + set.version()));
        } else if (!indicator.get().levels().contains(AreaLevel.REGION)
                && !indicator.get().levels().contains(AreaLevel.MUNICIPALITY)) {
            errors.add(new Problem.FieldError("indicator", "national-only", request.indicator()
                    + " is recorded for the nation only; a region has no figures of it to watch"));
        }
        Map<String, String> breakdown = request.breakdown() == null ? Map.of() : new TreeMap<>(request.breakdown());
        indicator.ifPresent(i -> breakdown.forEach((dimension, value) -> {
            String field = "breakdown." + dimension;
            Optional<Dimension> known = set.dimension(dimension).filter(d -> i.breakdowns().contains(dimension));
            if (known.isEmpty()) {
                errors.add(new Problem.FieldError(field, "unknown-dimension", i.id() + " is broken down by "
                        + i.breakdowns() + " only"));
            } else if (value == null || known.get().value(value).isEmpty()) {
                errors.add(new Problem.FieldError(field, "unknown-value", "not a value of " + dimension + ": " + value));
            }
        }));
        if (request.value() == null) {
            errors.add(new Problem.FieldError("value", "required", "the threshold's value is required"));
        } else {
            indicator.flatMap(i -> i.unit().refuse(request.value())).or(() -> request.value().signum() < 0
                            ? Optional.of("must not be negative") : Optional.empty())
                    .ifPresent(why -> errors.add(new Problem.FieldError("value", "out-of-range", why)));
        }
        AlertWhen when = null;
        if (request.alertWhen() == null) {
            errors.add(new Problem.FieldError("alertWhen", "required", "ABOVE or BELOW is required"));
        } else {
            try {
                when = AlertWhen.valueOf(request.alertWhen());
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("alertWhen", "invalid", "ABOVE or BELOW, not " + request.alertWhen()));
            }
        }
        BigDecimal margin = request.margin() == null ? BigDecimal.ZERO : request.margin();
        if (margin.signum() < 0) {
            errors.add(new Problem.FieldError("margin", "out-of-range", "must not be negative"));
        }
        if (request.description() != null && request.description().length() > MAX_DESCRIPTION) {
            errors.add(new Problem.FieldError("description", "too-long", "at most " + MAX_DESCRIPTION + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The threshold has " + errors.size() + " problem(s)", errors);
        }
        IndicatorThreshold threshold = new IndicatorThreshold();
        threshold.id = UUID.randomUUID();
        threshold.region = region;
        threshold.indicator = request.indicator();
        threshold.breakdown = breakdown;
        threshold.breakdownKey = IndicatorThreshold.keyOf(breakdown);
        threshold.value = request.value();
        threshold.alertWhen = when;
        threshold.margin = margin;
        threshold.description = request.description();
        threshold.createdBy = caller.name();
        threshold.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (thresholds.exists(threshold)) {
            throw new WebApplicationException("The region has this threshold already", 409);
        }
        thresholds.persist(threshold);
        audit.record(CREATED, "indicator-threshold/" + threshold.id, null, details(threshold));
        int crossings = watch.evaluateRecorded(threshold);
        LOG.infof("Indicator threshold %s (%s %s %s %s %s) made by %s; %d crossing(s) among the figures recorded "
                + "before it", threshold.id, threshold.region, threshold.indicator, threshold.breakdownKey,
                threshold.alertWhen, threshold.value, threshold.createdBy, crossings);
        return view(threshold);
    }

    public List<IndicatorThresholdView> list(String region) {
        return thresholds.ofRegion(region).stream().map(IndicatorThresholds::view).toList();
    }

    /** One threshold, when the caller may read its region (404 when unknown, 403 for another region). */
    public IndicatorThresholdView find(UUID id, Caller caller) {
        IndicatorThreshold threshold = thresholds.findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("No indicator threshold " + id));
        caller.regionToRead(threshold.region);
        return view(threshold);
    }

    /** Deletes a threshold and its states: nothing crosses it any more (alerts already raised stay). */
    @Transactional
    public void delete(UUID id, Caller caller) {
        IndicatorThreshold threshold = thresholds.findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("No indicator threshold " + id));
        caller.requireRegion(threshold.region);
        thresholds.delete(threshold);
        audit.record(DELETED, "indicator-threshold/" + threshold.id, null, details(threshold));
    }

    private static Map<String, Object> details(IndicatorThreshold t) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("region", t.region);
        details.put("indicator", t.indicator);
        details.put("breakdown", IndicatorThreshold.keyOf(t.breakdown));
        details.put("value", t.value.toPlainString());
        details.put("alertWhen", t.alertWhen);
        details.put("margin", t.margin.toPlainString());
        return details;
    }

    private static IndicatorThresholdView view(IndicatorThreshold t) {
        String title = Indicators.latest().indicator(t.indicator).map(Indicator::title).orElse(t.indicator);
        return IndicatorThresholdView.of(t, title);
    }
}
