package org.mutuality.research.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.conflicts.ConflictDecision;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.research.ConsentId;
import org.mutuality.research.ConsentItem;
import org.mutuality.research.Interview;
import org.mutuality.research.Studies;
import org.mutuality.research.Study;
import org.mutuality.research.StudyConsent;
import org.mutuality.research.StudyCursor;
import org.mutuality.research.StudyId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Page;
import org.mutuality.shared.web.NextPage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Studies, recruitment and consents under {@code /api/v1/studies}, and the caller's own under {@code /api/v1/me/studies}. */
@RestController
class StudiesApi {

    private final Studies studies;

    StudiesApi(Studies studies) {
        this.studies = studies;
    }

    /** Proposes a study (researchers, managers, the privacy lead). */
    @PostMapping("/api/v1/studies")
    ResponseEntity<StudyJson> propose(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody StudyBody body) {
        Study s = studies.propose(user, body.details());
        return ResponseEntity.created(URI.create("/api/v1/studies/" + s.id())).body(StudyJson.of(s, studies.today()));
    }

    /** A page of the agency's studies, newest first (30 unless {@code limit} says, at most 200). */
    @GetMapping("/api/v1/studies")
    ResponseEntity<List<StudyJson>> list(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String after) {
        int size = Page.limit(limit, Studies.PAGE);
        Page<Study> page = studies.page(user, StudyCursor.parse(after), size);
        return NextPage.ok(
                page, s -> StudyJson.of(s, studies.today()), UriComponentsBuilder.fromPath("/api/v1/studies"), size);
    }

    @GetMapping("/api/v1/studies/{id}")
    StudyJson one(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return StudyJson.of(studies.view(user, new StudyId(id)).study(), studies.today());
    }

    @PostMapping("/api/v1/studies/{id}/open")
    StudyJson open(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return StudyJson.of(studies.open(user, new StudyId(id)), studies.today());
    }

    @PostMapping("/api/v1/studies/{id}/close")
    StudyJson close(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return StudyJson.of(studies.close(user, new StudyId(id)), studies.today());
    }

    /** The caller says whether they are interested ({@code {"interested": true}} unless said otherwise). */
    @PostMapping("/api/v1/studies/{id}/interest")
    MyStudyJson interest(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestBody(required = false) @Nullable InterestBody body) {
        boolean interested = body == null || body.interested() == null || body.interested();
        return MyStudyJson.of(studies.answer(user, new StudyId(id), interested), studies.today());
    }

    /**
     * A staff member points a participant to the study: 201, or 409 with the conflict check's
     * decision, reasons and who may do it instead.
     */
    @PostMapping("/api/v1/studies/{id}/invitations")
    ResponseEntity<?> recruit(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody RecruitBody body) {
        Studies.Recruitment outcome = studies.recruit(user, new StudyId(id), new PersonId(body.participantId()));
        if (outcome instanceof Studies.Recruitment.Refused refused) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(RefusedJson.of(refused.decision()));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(new InvitedJson(id, body.participantId()));
    }

    /**
     * Assigns an interviewer of the team: 201, or 409 with the decision, its reasons and the
     * co-researchers without a conflict first. After a call for consultation, the same request with
     * {@code consultationId}, {@code management} and {@code participantTold: true} goes ahead.
     */
    @PostMapping("/api/v1/studies/{id}/interviews")
    ResponseEntity<?> interview(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody InterviewBody body) {
        Studies.Interviewing outcome = studies.assignInterviewer(
                user,
                new StudyId(id),
                new Studies.AssignInterviewer(
                        new PersonId(body.participantId()),
                        new PersonId(body.interviewerId()),
                        body.consultationId(),
                        body.management(),
                        Boolean.TRUE.equals(body.participantTold())));
        if (outcome instanceof Studies.Interviewing.Refused refused) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(RefusedJson.of(refused.decision()));
        }
        Interview i = ((Studies.Interviewing.Assigned) outcome).interview();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new InterviewJson(
                        i.id(),
                        i.study().value(),
                        i.participant().value(),
                        i.interviewer().value(),
                        i.decision().name(),
                        i.consultation(),
                        i.management(),
                        i.participantTold(),
                        i.assignedAt()));
    }

    /**
     * A consent: the caller's own ({@code signedName}), or one signed on paper that a member of the
     * team records ({@code participantId} and {@code paperDate}).
     */
    @PostMapping("/api/v1/studies/{id}/consents")
    ResponseEntity<ConsentJson> consent(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody ConsentBody body) {
        Map<ConsentItem, @Nullable Boolean> answers = new EnumMap<>(ConsentItem.class);
        answers.put(ConsentItem.TAKE_PART, body.takePart());
        answers.put(ConsentItem.RECORDING, body.recording());
        answers.put(ConsentItem.RECORDS, body.records());
        answers.put(ConsentItem.RECONTACT, body.recontact());
        StudyConsent c = studies.consent(
                user,
                new StudyId(id),
                new Studies.GiveConsent(
                        body.participantId() == null ? null : new PersonId(body.participantId()),
                        answers,
                        body.signedName(),
                        body.paperDate()));
        return ResponseEntity.created(URI.create("/api/v1/studies/" + id + "/consents/" + c.id()))
                .body(ConsentJson.of(c));
    }

    /** A page of the study's consents, for its team. */
    @GetMapping("/api/v1/studies/{id}/consents")
    ResponseEntity<List<ConsentJson>> consents(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String after) {
        int size = Page.limit(limit, Studies.PAGE);
        Page<StudyConsent> page = studies.consents(user, new StudyId(id), StudyCursor.parse(after), size);
        return NextPage.ok(
                page,
                ConsentJson::of,
                UriComponentsBuilder.fromPath("/api/v1/studies/{id}/consents").uriVariables(Map.of("id", id)),
                size);
    }

    @GetMapping("/api/v1/studies/{id}/consents/{consentId}")
    ConsentJson consent(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @PathVariable UUID consentId) {
        return ConsentJson.of(studies.consent(user, new StudyId(id), new ConsentId(consentId)));
    }

    /** Withdraws items ({@code {"items":["recording"]}}), at once. */
    @PostMapping("/api/v1/studies/{id}/consents/{consentId}/withdraw")
    ConsentJson withdraw(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @PathVariable UUID consentId,
            @Valid @RequestBody WithdrawBody body) {
        return ConsentJson.of(studies.withdraw(user, new StudyId(id), new ConsentId(consentId), items(body.items())));
    }

    /** The studies the caller is in and those that recruit today, with their part in each. */
    @GetMapping("/api/v1/me/studies")
    ResponseEntity<List<MyStudyJson>> mine(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String after) {
        int size = Page.limit(limit, Studies.PAGE);
        Page<Studies.View> page = studies.mine(user, StudyCursor.parse(after), size);
        LocalDate today = studies.today();
        return NextPage.ok(
                page, v -> MyStudyJson.of(v, today), UriComponentsBuilder.fromPath("/api/v1/me/studies"), size);
    }

    static Set<ConsentItem> items(List<String> names) {
        if (names.size() > ConsentItem.values().length) {
            throw new BadInputException("study.consent.noItems");
        }
        Set<ConsentItem> items = java.util.EnumSet.noneOf(ConsentItem.class);
        for (String name : names) {
            if (name == null) {
                throw new BadInputException("study.consent.unknownItem", "takePart, recording, records, recontact");
            }
            items.add(ConsentItem.parse(name));
        }
        return items;
    }

    record StudyBody(
            @Nullable String title,
            @Nullable String purpose,
            @NotNull UUID principalInvestigatorId,
            @Nullable List<UUID> coResearcherIds,
            @Nullable String ethicsBoard,
            @Nullable String approvalNumber,
            @Nullable LocalDate approvedOn,
            @Nullable LocalDate endsOn,
            @Nullable String dataUses,
            @Nullable String recruitmentText,
            @Nullable String consentForm) {
        Study.Details details() {
            List<PersonId> co = new ArrayList<>();
            if (coResearcherIds != null) {
                for (UUID p : coResearcherIds) {
                    if (p == null) {
                        throw new BadInputException("study.researcherUnknown", "null");
                    }
                    co.add(new PersonId(p));
                }
            }
            return new Study.Details(
                    title,
                    purpose,
                    new PersonId(principalInvestigatorId),
                    co,
                    ethicsBoard,
                    approvalNumber,
                    approvedOn,
                    endsOn,
                    dataUses,
                    recruitmentText,
                    consentForm);
        }
    }

    record InterviewBody(
            @NotNull UUID participantId,
            @NotNull UUID interviewerId,
            @Nullable UUID consultationId,
            @Nullable String management,
            @Nullable Boolean participantTold) {}

    record InterviewJson(
            UUID id,
            UUID studyId,
            UUID participantId,
            UUID interviewerId,
            String decision,
            @Nullable UUID consultationId,
            @Nullable String management,
            boolean participantTold,
            Instant assignedAt) {}

    record InterestBody(@Nullable Boolean interested) {}

    record RecruitBody(@NotNull UUID participantId) {}

    record ConsentBody(
            @Nullable UUID participantId,
            @NotNull Boolean takePart,
            @NotNull Boolean recording,
            @NotNull Boolean records,
            @NotNull Boolean recontact,
            @Nullable String signedName,
            @Nullable LocalDate paperDate) {}

    record WithdrawBody(@NotNull List<String> items) {}

    record InvitedJson(UUID studyId, UUID participantId) {}

    record StudyJson(
            UUID id,
            String title,
            String purpose,
            UUID principalInvestigatorId,
            List<UUID> coResearcherIds,
            String ethicsBoard,
            String approvalNumber,
            LocalDate approvedOn,
            LocalDate endsOn,
            String dataUses,
            String recruitmentText,
            String consentForm,
            int consentFormVersion,
            String status,
            boolean recruiting,
            Instant createdAt) {
        static StudyJson of(Study s, LocalDate today) {
            return new StudyJson(
                    s.id().value(),
                    s.title(),
                    s.purpose(),
                    s.principalInvestigator().value(),
                    s.coResearchers().stream().map(PersonId::value).toList(),
                    s.ethicsBoard(),
                    s.approvalNumber(),
                    s.approvedOn(),
                    s.endsOn(),
                    s.dataUses(),
                    s.recruitmentText(),
                    s.consentForm(),
                    s.consentFormVersion(),
                    s.status().name(),
                    s.recruitsOn(today),
                    s.createdAt());
        }
    }

    record ChangeJson(String item, boolean yes, UUID byId, Instant at) {}

    record ConsentJson(
            UUID id,
            UUID studyId,
            UUID participantId,
            int formVersion,
            String method,
            @Nullable String signedName,
            LocalDate signedOn,
            UUID recordedById,
            Instant recordedAt,
            boolean active,
            Map<String, Boolean> items,
            List<ChangeJson> history) {
        static ConsentJson of(StudyConsent c) {
            Map<String, Boolean> items = new LinkedHashMap<>();
            for (ConsentItem item : ConsentItem.values()) {
                items.put(item.field(), c.allows(item));
            }
            return new ConsentJson(
                    c.id().value(),
                    c.study().value(),
                    c.person().value(),
                    c.formVersion(),
                    c.method().name(),
                    c.signedName(),
                    c.signedOn(),
                    c.recordedBy().value(),
                    c.recordedAt(),
                    c.active(),
                    items,
                    c.history().stream()
                            .map(h -> new ChangeJson(h.item().field(), h.yes(), h.by().value(), h.at()))
                            .toList());
        }
    }

    record MyStudyJson(
            StudyJson study,
            @Nullable ConsentJson consent,
            @Nullable Boolean interested,
            boolean invited,
            boolean team) {
        static MyStudyJson of(Studies.View v, LocalDate today) {
            return new MyStudyJson(
                    StudyJson.of(v.study(), today),
                    v.myConsents().isEmpty()
                            ? null
                            : ConsentJson.of(v.myConsents().get(0)),
                    v.interested(),
                    v.invited(),
                    v.team());
        }
    }

    record ReasonJson(
            String rule, String decision, @Nullable String relationship, String explanation, List<String> safeguards) {}

    record AlternativeJson(UUID personId, String name) {}

    /** The 409 problem when the conflict check refuses a recruitment. */
    record RefusedJson(
            String type,
            String title,
            int status,
            String decision,
            List<ReasonJson> reasons,
            List<AlternativeJson> alternatives) {
        static RefusedJson of(ConflictDecision d) {
            return new RefusedJson(
                    "about:blank",
                    d.reasons().isEmpty()
                            ? d.decision().name()
                            : d.reasons().get(0).explanation(),
                    409,
                    d.decision().name(),
                    d.reasons().stream()
                            .map(r -> new ReasonJson(
                                    r.rule(), r.decision().name(), r.relationship(), r.explanation(), r.safeguards()))
                            .toList(),
                    d.alternatives().stream()
                            .map(a -> new AlternativeJson(a.personId().value(), a.name()))
                            .toList());
        }
    }
}
