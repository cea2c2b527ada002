package nl.monitor.survey.draft;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import nl.monitor.rest.InvalidInputException;
import nl.monitor.survey.Draft;
import nl.monitor.survey.repository.DraftRepository;
import nl.monitor.survey.repository.SubmissionRepository;
import nl.monitor.survey.service.Answers;
import nl.monitor.survey.service.SubmissionRequest;
import nl.monitor.survey.service.SubmissionService;
import nl.monitor.survey.wave.WaveService;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The drafts of the questionnaire web app: saved per municipality and year with a version check, so two colleagues
 * never silently overwrite each other, and submitted ("Indienen") through {@link SubmissionService} as the next
 * submission version. A draft is neither published nor scored.
 */
@ApplicationScoped
public class DraftService {

    private static final Logger LOG = Logger.getLogger(DraftService.class);

    private final DraftRepository drafts;
    private final SubmissionRepository submissions;
    private final SubmissionService submissionService;
    private final WaveService waves;

    public DraftService(DraftRepository drafts, SubmissionRepository submissions, SubmissionService submissionService,
                        WaveService waves) {
        this.drafts = drafts;
        this.submissions = submissions;
        this.submissionService = submissionService;
        this.waves = waves;
    }

    public Optional<DraftView> find(String municipality, int year) {
        return drafts.findByIdOptional(new Draft.Id(municipality, year)).map(DraftService::view);
    }

    /**
     * Saves the answers as the next draft version.
     *
     * @throws ClientErrorException 409 when the stored draft is not the version the save is based on, or the year's
     *                              wave is not open now
     */
    @Transactional
    public DraftView save(String municipality, int year, DraftRequest request, String caller) {
        if (request.version() == null || request.version() < 0) {
            throw InvalidInputException.of("version", "required",
                    "version is the draft version this save is based on (0 for a new draft)");
        }
        waves.requireAccepting(year, request.questionnaireVersionOrLatest());
        submissions.lockMunicipalityYear(municipality, year);
        Draft draft = drafts.findByIdOptional(new Draft.Id(municipality, year)).orElse(null);
        requireVersion(draft, request.version(), municipality, year);
        boolean isNew = draft == null;
        if (isNew) {
            draft = new Draft();
            draft.id = new Draft.Id(municipality, year);
        }
        draft.version++;
        draft.questionnaireVersion = request.questionnaireVersionOrLatest();
        draft.answers = new Answers(request.goalsOrEmpty(), request.extras());
        draft.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        draft.updatedBy = caller;
        if (isNew) {
            drafts.persist(draft);
        }
        LOG.debugf("Draft of %s %d saved as version %d by %s", municipality, year, draft.version, caller);
        return view(draft);
    }

    /**
     * Submits the saved draft as the next submission version (validated, stored and published as any submission).
     * A retried "Indienen" of the same draft version returns the submission the first one made.
     *
     * @throws ClientErrorException  409 when the stored draft is not that version
     * @throws InvalidInputException 422 with every problem at its path when the draft is not a valid assessment
     */
    @Transactional
    public DraftSubmitted submit(String municipality, int year, SubmitDraftRequest request, String caller) {
        if (request == null || request.version() == null) {
            throw InvalidInputException.of("version", "required", "version is the draft version to submit");
        }
        submissions.lockMunicipalityYear(municipality, year);
        Draft draft = drafts.findByIdOptional(new Draft.Id(municipality, year))
                .orElseThrow(() -> new NotFoundException("No draft of " + municipality + " for " + year));
        requireVersion(draft, request.version(), municipality, year);
        waves.requireAccepting(year, draft.questionnaireVersion);
        SubmissionService.Submitted submitted = submissionService.submit(
                new SubmissionRequest(municipality, year, draft.questionnaireVersion, draft.answers.goals(),
                        draft.answers.extras()),
                caller, "draft-" + municipality + "-" + year + "-v" + draft.version);
        draft.submittedVersion = submitted.submission().version();
        draft.submittedAt = submitted.submission().submittedAt();
        LOG.infof("Draft of %s %d version %d submitted as version %d by %s", municipality, year, draft.version,
                draft.submittedVersion, caller);
        return new DraftSubmitted(submitted.submission(), view(draft));
    }

    private static void requireVersion(Draft draft, int expected, String municipality, int year) {
        int stored = draft == null ? 0 : draft.version;
        if (stored != expected) {
            String who = draft == null ? "" : " by " + draft.updatedBy + " at " + draft.updatedAt;
            throw new ClientErrorException("The draft of " + municipality + " for " + year + " was saved as version "
                    + stored + who + " since the version " + expected + " your page shows; reload the draft and "
                    + "apply your changes again. Nothing was saved.", Response.Status.CONFLICT);
        }
    }

    private static DraftView view(Draft draft) {
        return new DraftView(draft.id.municipality, draft.id.year, draft.version, draft.questionnaireVersion,
                draft.answers.goals(), draft.answers.extras(), draft.updatedAt, draft.updatedBy,
                draft.submittedVersion, draft.submittedAt);
    }
}
