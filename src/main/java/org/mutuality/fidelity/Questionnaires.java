package org.mutuality.fidelity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.Basis;
import org.mutuality.access.RecordKind;
import org.mutuality.access.RecordTrail;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.fidelity.store.OutcomeStore;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.mutuality.shared.Page;
import org.mutuality.shared.PageCursor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outcome questionnaires (issue 17, part 3; ADR 0037). Who does what, in order:
 *
 * <ol>
 *   <li>a participant completes each of the agency's questionnaires at intake (never completed yet)
 *       and again once its interval has passed; answers that miss an item or hold a value no option
 *       offers are refused, and nothing is saved;
 *   <li>the participant reads all their own results, and says yes or no to their peer worker
 *       seeing them;
 *   <li>the peer worker who supports the participant today reads their results while the
 *       participant says yes; the access guard decides on the support assignment;
 *   <li>nobody else, whatever their role (administrators, managers and the privacy lead included):
 *       the results answer exactly as for a person who does not exist, and the refusal is audited;
 *   <li>administrators and managers define the agency's scales and paste the WHO-5's wording; a
 *       scale already answered keeps its structure (only its wording may change).
 * </ol>
 *
 * Every read of results is audited through {@link RecordTrail}, no audit entry holds an answer or a
 * score. Methods never return null.
 */
@Service
public class Questionnaires {

    /** Results on one page unless the caller asks otherwise. */
    public static final int PAGE = 50;

    static final String RESULTS = "notFound.outcomes";
    static final String QUESTIONNAIRE = "notFound.questionnaire";

    private final OutcomeStore store;
    private final RecordTrail trail;
    private final Directory directory;
    private final Clock clock;

    Questionnaires(OutcomeStore store, RecordTrail trail, Directory directory, Clock clock) {
        this.store = store;
        this.trail = trail;
        this.directory = directory;
        this.clock = clock;
    }

    /** The agency's questionnaires: the WHO-5 (its structure, with the wording the agency pasted) first. */
    @Transactional(readOnly = true)
    public List<Scale> scales(AgencyId agency) {
        List<Scale> scales = new ArrayList<>();
        List<Scale> own = store.scales(agency);
        if (own.stream().noneMatch(s -> s.code().equals(Scale.WHO5))) {
            scales.add(Scale.who5());
        }
        scales.addAll(own);
        return scales;
    }

    /**
     * One of the agency's questionnaires.
     *
     * @throws NotFoundException when the agency has none of that code
     */
    @Transactional(readOnly = true)
    public Scale scale(AgencyId agency, String code) {
        return store.scale(agency, code)
                .or(() -> Scale.WHO5.equals(code) ? java.util.Optional.of(Scale.who5()) : java.util.Optional.empty())
                .orElseThrow(() -> new NotFoundException(QUESTIONNAIRE, code));
    }

    /**
     * The caller's questionnaires with when each is due: at intake (never completed) or once its
     * interval has passed since the last time.
     *
     * @throws ForbiddenException ({@code questionnaire.participantsOnly}) unless the caller is a participant
     */
    @Transactional(readOnly = true)
    public List<Due> due(SignedInUser user) {
        requireParticipant(user);
        Map<String, Instant> last = store.lastAnswered(user.agencyId(), user.personId());
        LocalDate today = LocalDate.now(clock);
        List<Due> due = new ArrayList<>();
        for (Scale s : scales(user.agencyId())) {
            Instant at = last.get(s.code());
            LocalDate on = at == null
                    ? today
                    : LocalDate.ofInstant(at, clock.getZone()).plusDays(s.intervalDays());
            due.add(new Due(s, at, on, !on.isAfter(today)));
        }
        return due;
    }

    /**
     * Records the caller's answers to a questionnaire, one value per item in order, and returns the
     * result. A questionnaire may be completed again before it is due: the person decides.
     *
     * @throws ForbiddenException unless the caller is a participant
     * @throws NotFoundException when the agency has no such questionnaire
     * @throws BadInputException when an item is unanswered or a value is not an option; nothing saved
     */
    @Transactional
    public Result respond(SignedInUser user, String code, List<Integer> answers) {
        requireParticipant(user);
        Scale scale = scale(user.agencyId(), code);
        Score score = scale.score(answers);
        ResponseId id = ResponseId.random();
        Instant now = clock.instant();
        store.respond(user.agencyId(), user.personId(), id, code, answers, score, now);
        trail.written(user, user.personId(), RecordKind.OUTCOMES, id, "questionnaire completed");
        return new Result(id, code, now, score);
    }

    /**
     * A page of the caller's own results for one questionnaire, newest first.
     *
     * @throws NotFoundException when the agency has no such questionnaire
     */
    @Transactional
    public Page<Result> mine(SignedInUser user, String code, @Nullable PageCursor after, int limit) {
        scale(user.agencyId(), code);
        trail.read(user, user.personId(), RecordKind.OUTCOMES, null, code);
        return store.results(user.agencyId(), user.personId(), code, after, limit);
    }

    /**
     * A page of a participant's results, for the participant or the peer worker who supports them
     * while the participant allows it.
     *
     * @throws NotFoundException for anyone else, exactly as for a person or questionnaire that does
     *     not exist (the refusal audited)
     */
    @Transactional
    public Page<Result> of(SignedInUser reader, PersonId person, String code, @Nullable PageCursor after, int limit) {
        if (directory.person(reader.agencyId(), person).isEmpty()) {
            throw new NotFoundException(RESULTS, person);
        }
        if (!reader.isSelf(person) && !store.shared(reader.agencyId(), person)) {
            // The code comes from the reader's address: the audit names the record, never their text.
            trail.refused(reader, person, RecordKind.OUTCOMES, "questionnaire results");
            throw NotFoundException.hiding(RESULTS, person, person.value());
        }
        Basis basis = trail.read(reader, person, RecordKind.OUTCOMES, null, "questionnaire results");
        if (basis == null) {
            throw NotFoundException.hiding(RESULTS, person, person.value());
        }
        scale(reader.agencyId(), code);
        return store.results(reader.agencyId(), person, code, after, limit);
    }

    /** Whether the caller lets the peer worker who supports them see their results. */
    @Transactional(readOnly = true)
    public boolean sharing(SignedInUser user) {
        return store.shared(user.agencyId(), user.personId());
    }

    /**
     * Says yes or no to the caller's peer worker seeing their results; no hides them at once.
     *
     * @throws ForbiddenException unless the caller is a participant
     */
    @Transactional
    public boolean share(SignedInUser user, boolean shared) {
        requireParticipant(user);
        store.share(user.agencyId(), user.personId(), shared, clock.instant());
        trail.written(
                user,
                user.personId(),
                RecordKind.OUTCOMES,
                "sharing",
                shared ? "results shared with peer worker" : "results made private");
        return shared;
    }

    /**
     * Defines one of the agency's questionnaires, or changes its wording. The WHO-5 keeps its
     * structure; a questionnaire already answered keeps its own.
     *
     * @throws ForbiddenException ({@code questionnaire.definersOnly}) unless an administrator or manager
     * @throws BadInputException when the WHO-5's structure is changed
     * @throws ConflictException ({@code questionnaire.answered}) when an answered scale's structure changes
     */
    @Transactional
    public Scale define(SignedInUser user, Scale scale) {
        if (!user.has(Role.ADMINISTRATOR) && !user.has(Role.MANAGER)) {
            throw new ForbiddenException("questionnaire.definersOnly");
        }
        if (Scale.WHO5.equals(scale.code()) && !scale.sameStructureAs(Scale.who5())) {
            throw new BadInputException("questionnaire.who5Structure");
        }
        var before = store.scale(user.agencyId(), scale.code());
        if (before.isPresent()
                && !before.get().sameStructureAs(scale)
                && store.answered(user.agencyId(), scale.code())) {
            throw new ConflictException("questionnaire.answered", scale.code());
        }
        store.save(user.agencyId(), scale, clock.instant());
        return scale;
    }

    private static void requireParticipant(SignedInUser user) {
        if (!user.has(Role.PARTICIPANT)) {
            throw new ForbiddenException("questionnaire.participantsOnly");
        }
    }
}
