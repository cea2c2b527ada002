package nl.monitor.survey.campaign;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivision;
import nl.monitor.reference.MunicipalityDivisions;
import nl.monitor.survey.CampaignMessage;
import nl.monitor.survey.CampaignMessage.Status;
import nl.monitor.survey.Contact;
import nl.monitor.survey.Wave;
import nl.monitor.survey.config.CampaignConfig;
import nl.monitor.survey.repository.CampaignMessageRepository;
import nl.monitor.survey.repository.ContactRepository;
import nl.monitor.survey.repository.SubmissionRepository;
import nl.monitor.survey.repository.WaveRepository;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * One round of the campaigns: for an open wave inside its window, each contact of each invited municipality that
 * has not submitted for the wave's year gets the step {@link CampaignSchedule} says is next. Each message is claimed in
 * the database (committed) before it is handed to the SMTP server and marked after, so a message goes out at most
 * once per wave, contact and step, also when two instances run a round at the same moment or a round runs again after
 * a restart. A mail the SMTP server refused or never received (FAILED) is claimed again by a later round; one whose
 * outcome is unknown (UNCERTAIN) is not.
 */
@ApplicationScoped
public class CampaignRound {

    private static final Logger LOG = Logger.getLogger(CampaignRound.class);

    /** What a round did for one wave. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "CampaignRoundResult")
    public record Result(int year, int sent, int failed, int uncertain) {
    }

    /** A message the round is to send, and the claim it needs first. */
    private record Planned(String municipality, CampaignStep step, CampaignMail mail) {
    }

    private final WaveRepository waves;
    private final ContactRepository contacts;
    private final CampaignMessageRepository messages;
    private final SubmissionRepository submissions;
    private final CampaignMailer mailer;
    private final CampaignConfig config;
    private final MeterRegistry registry;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();
    /**
     * One round at a time in this instance (the schedule and an admin's "run now" may meet): one mail client sends
     * one mail after the other. Instances are kept apart by the database claims, not by this lock.
     */
    private final ReentrantLock sending = new ReentrantLock();

    public CampaignRound(WaveRepository waves, ContactRepository contacts, CampaignMessageRepository messages,
                         SubmissionRepository submissions, CampaignMailer mailer, CampaignConfig config,
                         MeterRegistry registry) {
        this.waves = waves;
        this.contacts = contacts;
        this.messages = messages;
        this.submissions = submissions;
        this.mailer = mailer;
        this.config = config;
        this.registry = registry;
    }

    /** A round over every open wave, as of {@code now}. */
    public List<Result> runAll(Instant now) {
        abandonStaleClaims(now);
        List<Integer> open = QuarkusTransaction.requiringNew().call(() -> waves.list("status", Wave.Status.OPEN)
                .stream().map(w -> w.year).toList());
        return open.stream().map(year -> sendPlanned(year, now)).toList();
    }

    /** A round over one wave, as of {@code now} (nothing when it is closed or outside its window). */
    public Result run(int year, Instant now) {
        abandonStaleClaims(now);
        return sendPlanned(year, now);
    }

    /** The schedule of a wave's campaign with the configured reminders. */
    public CampaignSchedule schedule(Wave wave) {
        return new CampaignSchedule(wave.openFrom, wave.openUntil, config.reminders());
    }

    private void abandonStaleClaims(Instant now) {
        int abandoned = QuarkusTransaction.requiringNew()
                .call(() -> messages.abandonStaleClaims(now.minus(config.claimTimeout())));
        if (abandoned > 0) {
            LOG.warnf("Campaign: %d message(s) were being sent by an instance that stopped; marked UNCERTAIN, not "
                    + "sent again", abandoned);
        }
    }

    private Result sendPlanned(int year, Instant now) {
        sending.lock();
        try {
            return sendPlannedAlone(year, now);
        } finally {
            sending.unlock();
        }
    }

    private Result sendPlannedAlone(int year, Instant now) {
        long start = System.nanoTime();
        List<Planned> planned = QuarkusTransaction.requiringNew().call(() -> plan(year, now));
        int sent = 0;
        int failed = 0;
        int uncertain = 0;
        for (Planned message : planned) {
            // the round's clock: starts at now (the tests choose it) and runs on, so a long round's claims are not stale
            Instant claimedAt = now.plusNanos(System.nanoTime() - start);
            Optional<Long> claim = QuarkusTransaction.requiringNew().call(() -> messages.claim(year,
                    message.municipality(), message.mail().to(), message.step().name(), claimedAt, instance));
            if (claim.isEmpty()) {
                continue; // another instance claimed it first, or it went out already
            }
            SendOutcome outcome = mailer.send(message.mail());
            Instant sentAt = now.plusNanos(System.nanoTime() - start);
            QuarkusTransaction.requiringNew().run(() -> messages.finish(claim.get(), outcome.status(),
                    outcome.status() == Status.SENT ? sentAt : null, outcome.reason()));
            Counter.builder("monitor.campaign.messages").description("Campaign e-mails by step and how sending ended")
                    .tag("step", message.step().name()).tag("outcome", outcome.status().name()).register(registry)
                    .increment();
            switch (outcome.status()) {
                case SENT -> sent++;
                case FAILED -> failed++;
                default -> uncertain++;
            }
            if (outcome.status() != Status.SENT) {
                LOG.warnf("Campaign %d: %s to a contact of %s %s: %s", year, message.step(), message.municipality(),
                        outcome.status() == Status.FAILED ? "failed (a later round tries again)"
                                : "is uncertain (not sent again)", outcome.reason());
            }
        }
        if (!planned.isEmpty()) {
            LOG.infof("Campaign %d: %d sent, %d failed, %d uncertain (%d planned)", year, sent, failed, uncertain,
                    planned.size());
        }
        return new Result(year, sent, failed, uncertain);
    }

    private List<Planned> plan(int year, Instant now) {
        Wave wave = waves.findById(year);
        if (wave == null || wave.status != Wave.Status.OPEN) {
            return List.of();
        }
        CampaignSchedule schedule = schedule(wave);
        MunicipalityDivision division = MunicipalityDivisions.of(wave.divisionYear)
                .orElseGet(() -> MunicipalityDivisions.forYear(year));
        Set<String> submitted = submissions.municipalitiesThatSubmitted(year);
        Map<String, List<CampaignSchedule.Past>> history = messages.ofWave(year).stream().collect(Collectors
                .groupingBy(m -> m.municipality + " " + m.email, Collectors.mapping(CampaignRound::past,
                        Collectors.toList())));
        List<Planned> planned = new ArrayList<>();
        for (Contact contact : contacts.everyone()) {
            Optional<Municipality> municipality = division.municipality(contact.municipality);
            if (municipality.isEmpty() || submitted.contains(contact.municipality)) {
                continue;
            }
            schedule.next(now, history.getOrDefault(contact.municipality + " " + contact.email, List.of()))
                    .ifPresent(step -> planned.add(new Planned(contact.municipality, step, CampaignMail.of(
                            new CampaignMail.Subject(year, wave.openUntil, step, config.reminders().size(),
                                    contact.municipality, municipality.get().name(), municipality.get().region()),
                            new CampaignMail.Recipient(contact.email, contact.name), config.questionnaireUrl(),
                            config.zone()))));
        }
        return planned;
    }

    private static CampaignSchedule.Past past(CampaignMessage message) {
        return new CampaignSchedule.Past(CampaignStep.parse(message.step), message.status,
                message.sentAt != null ? message.sentAt : message.claimedAt);
    }
}
