package nl.monitor.survey.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.SurveySubmitted;
import nl.monitor.domain.assessment.Assessment;
import nl.monitor.domain.assessment.AssessmentValidator;
import nl.monitor.domain.assessment.Violation;
import nl.monitor.domain.assessment.ViolationCode;
import nl.monitor.domain.questionnaire.Questionnaires;
import nl.monitor.messaging.Events;
import nl.monitor.messaging.Outbox;
import nl.monitor.messaging.audit.AuditTrail;
import nl.monitor.reference.MunicipalityDivision;
import nl.monitor.reference.MunicipalityDivisions;
import nl.monitor.rest.InvalidInputException;
import nl.monitor.survey.IdempotencyKey;
import nl.monitor.survey.Submission;
import nl.monitor.survey.repository.IdempotencyKeyRepository;
import nl.monitor.survey.repository.SubmissionRepository;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Submits assessments: validates them against their questionnaire, stores them as a new version, and publishes
 * {@code survey-submitted} in the same transaction (outbox), with its audit entry ({@value #ACCEPTED}). Nothing is
 * stored when anything is invalid.
 */
@ApplicationScoped
public class SubmissionService {

    /** The audit action of a stored submission (by a respondent, the web form's "Indienen" or an import row). */
    public static final String ACCEPTED = "submission.accepted";

    private static final Logger LOG = Logger.getLogger(SubmissionService.class);
    private static final int MAX_IDEMPOTENCY_KEY_LENGTH = 200;

    private final SubmissionRepository submissions;
    private final IdempotencyKeyRepository idempotencyKeys;
    private final Outbox outbox;
    private final Events events;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final MunicipalityDivision municipalities = MunicipalityDivision.shipped();

    public SubmissionService(SubmissionRepository submissions, IdempotencyKeyRepository idempotencyKeys,
                             Outbox outbox, Events events, AuditTrail audit, EventCodec codec) {
        this.audit = audit;
        this.submissions = submissions;
        this.idempotencyKeys = idempotencyKeys;
        this.outbox = outbox;
        this.events = events;
        this.json = codec.mapper();
    }

    /** The outcome of a submit: the stored submission, and whether this call created it. */
    public record Submitted(SubmissionView submission, boolean created) {
    }

    /**
     * Validates and stores a submission. With an idempotency key, a repeated call with the same body returns the
     * submission the first call created; the same key with another body is refused.
     *
     * @throws InvalidInputException listing every problem, when the submission is invalid
     */
    @Transactional
    public Submitted submit(SubmissionRequest request, String caller, String idempotencyKey) {
        requireUsable(idempotencyKey);
        List<Violation> violations = validate(request);
        if (!violations.isEmpty()) {
            throw InvalidInputException.fromViolations("The assessment has " + violations.size() + " problem(s)", "",
                    violations);
        }
        Assessment assessment = request.toAssessment();
        submissions.lockMunicipalityYear(assessment.municipality(), assessment.year());

        String requestHash = idempotencyKey == null ? null : hash(request);
        Optional<IdempotencyKey> earlier = Optional.ofNullable(idempotencyKey)
                .flatMap(key -> idempotencyKeys.findByIdOptional(new IdempotencyKey.Id(caller, key)));
        if (earlier.isPresent()) {
            return repeated(earlier.get(), requestHash);
        }
        return storeNew(assessment, submissions.nextVersion(assessment.municipality(), assessment.year()), caller,
                idempotencyKey, requestHash);
    }

    /**
     * Submits valid assessments of one year and of different municipalities in the caller's transaction, each as
     * {@link #submit} would, in a handful of statements for all of them: one for the year's questionnaire, one for
     * the earlier idempotency keys, one that locks every municipality and year, one for their next versions; the
     * inserts go out together when the transaction commits (JDBC batching). An assessment {@link #submit} would refuse
     * throws here too, and the caller's transaction rolls back.
     *
     * @param keys per request its Idempotency-Key, or null
     * @return per request, in their order, what became of it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Submitted> submitAll(int year, List<SubmissionRequest> requests, String caller,
                                     List<String> keys) {
        List<String> municipalities = requests.stream().map(SubmissionRequest::municipality).toList();
        if (requests.size() != keys.size() || new HashSet<>(municipalities).size() != requests.size()
                || requests.stream().anyMatch(r -> r.year() == null || r.year() != year)) {
            throw new IllegalArgumentException("submitAll takes requests of " + year
                    + " for different municipalities, each with its key (or null)");
        }
        keys.forEach(SubmissionService::requireUsable);
        Optional<Integer> ofYear = submissions.questionnaireOfYear(year);
        for (SubmissionRequest request : requests) {
            List<Violation> violations = validate(request, ofYear);
            if (!violations.isEmpty()) {
                throw InvalidInputException.fromViolations(request.municipality() + ": the assessment has "
                        + violations.size() + " problem(s)", "", violations);
            }
            // the first of a year without submissions sets the year's questionnaire for the others
            ofYear = ofYear.or(() -> Optional.of(request.questionnaireVersionOrLatest()));
        }
        submissions.lockMunicipalitiesOfYear(municipalities, year);
        Map<String, IdempotencyKey> earlier = idempotencyKeys.ofCaller(caller,
                keys.stream().filter(Objects::nonNull).toList());
        Map<String, Integer> highest = submissions.highestVersions(municipalities, year);
        List<Submitted> submitted = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            SubmissionRequest request = requests.get(i);
            String key = keys.get(i);
            String requestHash = key == null ? null : hash(request);
            IdempotencyKey before = key == null ? null : earlier.get(key);
            submitted.add(before != null ? repeated(before, requestHash)
                    : storeNew(request.toAssessment(), highest.getOrDefault(request.municipality(), 0) + 1, caller,
                    key, requestHash));
        }
        return submitted;
    }

    private static void requireUsable(String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH)) {
            throw InvalidInputException.of("Idempotency-Key", "invalid-format",
                    "an Idempotency-Key has 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters");
        }
    }

    /** The submission an earlier call with this key created, if it was for the same request. */
    private Submitted repeated(IdempotencyKey earlier, String requestHash) {
        if (!earlier.requestHash.equals(requestHash)) {
            throw InvalidInputException.of("Idempotency-Key", "idempotency-key-reused",
                    "This Idempotency-Key was used before for a different submission");
        }
        return new Submitted(view(submissions.findById(earlier.submissionId)), false);
    }

    /**
     * Stores a valid assessment as the given version (the next, under the municipality and year's lock), remembers
     * its key, and writes its event and audit entry to the outbox.
     */
    private Submitted storeNew(Assessment assessment, int version, String caller, String idempotencyKey,
                               String requestHash) {
        Submission submission = store(assessment, version, caller);
        if (idempotencyKey != null) {
            remember(caller, idempotencyKey, requestHash, submission);
        }
        outbox.publish(EventType.SURVEY_SUBMITTED, events.create(EventType.SURVEY_SUBMITTED,
                submission.municipality, new SurveySubmitted(submission.id, submission.municipality, submission.year,
                        submission.questionnaireVersion, submission.version, submission.submittedAt,
                        assessment.goals(), assessment.extras())));
        audit.record(ACCEPTED, "submission/" + submission.id, submission.municipality, auditDetails(submission,
                idempotencyKey));
        LOG.debugf("Stored submission %s: %s %d version %d by %s", submission.id, submission.municipality,
                submission.year, submission.version, caller);
        // current by construction: the next version, stored under the municipality and year's lock
        return new Submitted(new SubmissionView(submission.id, submission.municipality, submission.year,
                submission.version, true, submission.questionnaireVersion, submission.submittedAt,
                submission.submittedBy, assessment.goals(), assessment.extras()), true);
    }

    private static Map<String, Object> auditDetails(Submission submission, String idempotencyKey) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("year", submission.year);
        details.put("version", submission.version);
        details.put("questionnaireVersion", submission.questionnaireVersion);
        details.put("idempotencyKey", idempotencyKey);
        return details;
    }

    /** Checks a submission without storing it; the problems the submit would refuse it for. */
    public List<Violation> validate(SubmissionRequest request) {
        return validate(request, request.year() == null ? Optional.empty()
                : submissions.questionnaireOfYear(request.year()));
    }

    /** {@link #validate(SubmissionRequest)} with the questionnaire the request's year answers already looked up. */
    private List<Violation> validate(SubmissionRequest request, Optional<Integer> ofYear) {
        List<Violation> violations = new ArrayList<>();
        if (request.year() == null) {
            violations.add(new Violation("year", ViolationCode.REQUIRED, "the year of the wave is required"));
        }
        int questionnaireVersion = request.questionnaireVersionOrLatest();
        if (!Questionnaires.exists(questionnaireVersion)) {
            violations.add(new Violation("questionnaireVersion", ViolationCode.UNKNOWN_VERSION,
                    "there is no questionnaire version " + questionnaireVersion));
            return violations;
        }
        // One year, one questionnaire (a wave names it; a year without one takes that of its first submission): the
        // scoring-service scores a year under the rules of one questionnaire and would dead-letter another's.
        if (ofYear.isPresent() && ofYear.get() != questionnaireVersion) {
            violations.add(new Violation("questionnaireVersion", "other-version", request.year()
                    + " is answered with questionnaire version " + ofYear.get() + ", not " + questionnaireVersion));
        }
        violations.addAll(new AssessmentValidator(Questionnaires.version(questionnaireVersion))
                .validate(request.toAssessment()).stream()
                .filter(v -> request.year() != null || !v.path().equals("year")).toList());
        // a year's data lives under the codes of that year's division (reference-data): 2014 under 2013's
        if (request.municipality() != null && violations.stream().noneMatch(v -> v.path().equals("municipality"))) {
            if (request.year() == null ? municipalities.municipality(request.municipality()).isEmpty()
                    : MunicipalityDivisions.inDivisionOf(request.municipality(), request.year()).isEmpty()) {
                violations.add(0, new Violation("municipality", "unknown-municipality", request.year() == null
                        ? "no municipality " + request.municipality() + " in the " + municipalities.year() + " division"
                        : MunicipalityDivisions.notInDivision(request.municipality(), request.year())));
            }
        }
        return violations;
    }

    public Optional<SubmissionView> find(UUID id) {
        return submissions.findByIdOptional(id).map(this::view);
    }

    public Optional<SubmissionView> current(String municipality, int year) {
        return submissions.current(municipality, year).map(this::view);
    }

    public List<SubmissionSummary> list(String municipality, Integer year) {
        List<Submission> found = year == null ? submissions.ofMunicipality(municipality)
                : submissions.ofMunicipality(municipality, year);
        List<SubmissionSummary> summaries = new ArrayList<>();
        for (Submission s : found) {
            boolean current = summaries.stream().noneMatch(seen -> seen.year() == s.year);
            summaries.add(new SubmissionSummary(s.id, s.year, s.version, current, s.questionnaireVersion,
                    s.answers.goals().size(), s.submittedAt, s.submittedBy));
        }
        return summaries;
    }

    private Submission store(Assessment assessment, int version, String caller) {
        Submission submission = new Submission();
        submission.id = UUID.randomUUID();
        submission.municipality = assessment.municipality();
        submission.year = assessment.year();
        submission.version = version;
        submission.questionnaireVersion = assessment.questionnaireVersion();
        submission.answers = new Answers(assessment.goals(), assessment.extras());
        submission.submittedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        submission.submittedBy = caller;
        submissions.persist(submission);
        return submission;
    }

    private void remember(String caller, String key, String requestHash, Submission submission) {
        IdempotencyKey remembered = new IdempotencyKey();
        remembered.id = new IdempotencyKey.Id(caller, key);
        remembered.requestHash = requestHash;
        remembered.submissionId = submission.id;
        remembered.createdAt = Instant.now();
        idempotencyKeys.persist(remembered);
    }

    private SubmissionView view(Submission s) {
        boolean current = submissions.current(s.municipality, s.year).map(c -> c.id.equals(s.id)).orElse(false);
        return new SubmissionView(s.id, s.municipality, s.year, s.version, current, s.questionnaireVersion,
                s.submittedAt, s.submittedBy, s.answers.goals(), s.answers.extras());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String hash(SubmissionRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
