package nl.monitor.survey.wave;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import nl.monitor.domain.questionnaire.Questionnaires;
import nl.monitor.domain.scoring.ScoringRulesCatalog;
import nl.monitor.messaging.audit.AuditTrail;
import nl.monitor.reference.MunicipalityDivisions;
import nl.monitor.rest.InvalidInputException;
import nl.monitor.rest.Problem.FieldError;
import nl.monitor.survey.Wave;
import nl.monitor.survey.config.WavesConfig;
import nl.monitor.survey.repository.WaveRepository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opens, closes and reopens waves, and tells the submission paths whether a year takes submissions now. Every change
 * is recorded in the audit trail ({@value #OPENED}, {@value #CLOSED}, {@value #REOPENED}) in its transaction.
 */
@ApplicationScoped
public class WaveService {

    public static final String OPENED = "wave.opened";
    public static final String CLOSED = "wave.closed";
    public static final String REOPENED = "wave.reopened";

    private final WaveRepository waves;
    private final WavesConfig config;
    private final AuditTrail audit;

    public WaveService(WaveRepository waves, WavesConfig config, AuditTrail audit) {
        this.waves = waves;
        this.config = config;
        this.audit = audit;
    }

    public List<WaveView> list() {
        Instant now = Instant.now();
        return waves.newestFirst().stream().map(w -> view(w, now)).toList();
    }

    public Optional<WaveView> find(int year) {
        return waves.findByIdOptional(year).map(w -> view(w, Instant.now()));
    }

    /**
     * @throws InvalidInputException 422 naming every bad field
     * @throws ClientErrorException  409 when the year has a wave already (open, or closed: reopen it instead)
     */
    @Transactional
    public WaveView open(OpenWaveRequest request, String caller) {
        if (request == null) {
            throw InvalidInputException.of("body", "required", "a wave to open is required");
        }
        List<FieldError> problems = new ArrayList<>();
        if (request.year() == null) {
            problems.add(new FieldError("year", "required", "the year of the wave is required"));
        }
        if (request.questionnaireVersion() == null) {
            problems.add(new FieldError("questionnaireVersion", "required", "the questionnaire version is required"));
        } else if (!Questionnaires.exists(request.questionnaireVersion())) {
            problems.add(new FieldError("questionnaireVersion", "unknown-version",
                    "there is no questionnaire version " + request.questionnaireVersion()));
        }
        if (request.rulesVersion() == null) {
            problems.add(new FieldError("rulesVersion", "required", "the scoring rules version is required"));
        } else if (!ScoringRulesCatalog.exists(request.rulesVersion())) {
            problems.add(new FieldError("rulesVersion", "unknown-version",
                    "there are no scoring rules version " + request.rulesVersion()));
        } else if (request.questionnaireVersion() != null && Questionnaires.exists(request.questionnaireVersion())
                && ScoringRulesCatalog.version(request.rulesVersion()).questionnaireVersion()
                != request.questionnaireVersion()) {
            // The scoring-service would dead-letter every submission of the wave.
            problems.add(new FieldError("rulesVersion", "other-questionnaire", "scoring rules version "
                    + request.rulesVersion() + " score questionnaire version "
                    + ScoringRulesCatalog.version(request.rulesVersion()).questionnaireVersion() + ", not "
                    + request.questionnaireVersion()));
        }
        if (request.openFrom() == null) {
            problems.add(new FieldError("openFrom", "required", "the start of the window is required"));
        }
        if (request.openUntil() == null) {
            problems.add(new FieldError("openUntil", "required", "the end of the window is required"));
        } else if (request.openFrom() != null && !request.openUntil().isAfter(request.openFrom())) {
            problems.add(new FieldError("openUntil", "before-open-from", "openUntil must be after openFrom"));
        }
        if (request.divisionYear() != null && MunicipalityDivisions.of(request.divisionYear()).isEmpty()) {
            problems.add(new FieldError("divisionYear", "unknown-division", "no municipal division of 1 January "
                    + request.divisionYear() + " is shipped; there are " + MunicipalityDivisions.years()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The wave cannot be opened", problems);
        }
        int year = request.year();
        waves.lockYear(year);
        Wave existing = waves.findById(year);
        if (existing != null) {
            throw conflict("The " + year + " wave exists already and is " + existing.status
                    + (existing.status == Wave.Status.CLOSED ? "; reopen it (POST /api/admin/waves/" + year
                    + "/reopen) instead of opening a second one" : "; one wave per year"));
        }
        Wave wave = new Wave();
        wave.year = year;
        wave.questionnaireVersion = request.questionnaireVersion();
        wave.rulesVersion = request.rulesVersion();
        wave.divisionYear = request.divisionYear() != null ? request.divisionYear()
                : MunicipalityDivisions.forYear(year).year();
        wave.openFrom = instant(request.openFrom());
        wave.openUntil = instant(request.openUntil());
        wave.status = Wave.Status.OPEN;
        wave.openedAt = now();
        wave.openedBy = caller;
        waves.persist(wave);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("questionnaireVersion", wave.questionnaireVersion);
        details.put("rulesVersion", wave.rulesVersion);
        details.put("divisionYear", wave.divisionYear);
        details.put("openFrom", wave.openFrom);
        details.put("openUntil", wave.openUntil);
        audit.record(OPENED, subject(year), null, details);
        return view(wave, Instant.now());
    }

    /** @throws ClientErrorException 409 when it is closed already */
    @Transactional
    public WaveView close(int year, String caller) {
        waves.lockYear(year);
        Wave wave = require(year);
        if (wave.status == Wave.Status.CLOSED) {
            throw conflict("The " + year + " wave was closed already at " + wave.closedAt + " by " + wave.closedBy);
        }
        wave.status = Wave.Status.CLOSED;
        wave.closedAt = now();
        wave.closedBy = caller;
        audit.record(CLOSED, subject(year), null, Map.of("openUntil", wave.openUntil));
        return view(wave, Instant.now());
    }

    /**
     * @throws InvalidInputException 422 without a reason, or when the window would have passed already
     * @throws ClientErrorException  409 when it is open
     */
    @Transactional
    public WaveView reopen(int year, ReopenWaveRequest request, String caller) {
        waves.lockYear(year);
        Wave wave = require(year);
        if (wave.status == Wave.Status.OPEN) {
            throw conflict("The " + year + " wave is open; only a closed wave can be reopened");
        }
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw InvalidInputException.of("reason", "required", "reopening a closed wave needs a reason");
        }
        Instant until = request.openUntil() != null ? instant(request.openUntil()) : wave.openUntil;
        if (!until.isAfter(Instant.now()) || !until.isAfter(wave.openFrom)) {
            throw InvalidInputException.of("openUntil", "in-the-past", "the window would end at " + until
                    + ", before now or before it opens; give a later openUntil");
        }
        Instant previousUntil = wave.openUntil;
        wave.status = Wave.Status.OPEN;
        wave.openUntil = until;
        wave.reopenedAt = now();
        wave.reopenedBy = caller;
        wave.reopenReason = request.reason().strip();
        wave.reopenCount++;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("closedAt", wave.closedAt);
        details.put("closedBy", wave.closedBy);
        details.put("previousOpenUntil", previousUntil);
        details.put("openUntil", until);
        details.put("reason", wave.reopenReason);
        audit.record(REOPENED, subject(year), null, details);
        return view(wave, Instant.now());
    }

    /**
     * For a submission or a draft: the year's wave must be open now, and the questionnaire version its own.
     *
     * @throws ClientErrorException  409 when it is not
     * @throws InvalidInputException 422 on {@code questionnaireVersion} when the wave asks another version
     */
    public void requireAccepting(int year, Integer questionnaireVersion) {
        Wave wave = waves.findById(year);
        WaveAdmission admission = WaveAdmission.of(year, wave, Instant.now(), config.yearsWithoutWave());
        if (!admission.accepted()) {
            throw new WaveNotOpenException(admission.reason());
        }
        if (wave != null && questionnaireVersion != null && questionnaireVersion != wave.questionnaireVersion) {
            throw InvalidInputException.of("questionnaireVersion", "other-version", "the " + year + " wave uses "
                    + "questionnaire version " + wave.questionnaireVersion + ", not " + questionnaireVersion);
        }
    }

    /**
     * For the admin's import, which may load a historic (closed) wave: only a year without any wave is refused, and
     * only when such years are closed.
     *
     * @throws ClientErrorException 409 then
     */
    public void requireImportable(int year) {
        if (config.yearsWithoutWave() == WavesConfig.YearsWithoutWave.CLOSED && waves.findById(year) == null) {
            throw new WaveNotOpenException("No wave exists for " + year + "; open one (it may be closed again at "
                    + "once) before importing its assessments");
        }
    }

    private static String subject(int year) {
        return "wave/" + year;
    }

    private Wave require(int year) {
        Wave wave = waves.findById(year);
        if (wave == null) {
            throw new NotFoundException("No wave for " + year);
        }
        return wave;
    }

    private static ClientErrorException conflict(String message) {
        return new ClientErrorException(message, Response.Status.CONFLICT);
    }

    private static Instant instant(OffsetDateTime time) {
        return time.toInstant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private WaveView view(Wave w, Instant now) {
        int invited = MunicipalityDivisions.of(w.divisionYear).map(d -> d.size()).orElse(0);
        return new WaveView(w.year, w.questionnaireVersion, w.rulesVersion, w.divisionYear, invited, w.openFrom,
                w.openUntil, w.status, WaveAdmission.of(w.year, w, now, config.yearsWithoutWave()).accepted(),
                w.openedAt, w.openedBy, w.closedAt, w.closedBy, w.reopenedAt, w.reopenedBy, w.reopenReason,
                w.reopenCount);
    }
}
