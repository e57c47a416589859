package org.mutuality.practice.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.mutuality.conflicts.Action;
import org.mutuality.conflicts.ConflictDecision;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.practice.BoundaryAgreement;
import org.mutuality.practice.BoundaryAgreementId;
import org.mutuality.practice.BoundaryAgreements;
import org.mutuality.practice.Consultation;
import org.mutuality.practice.ConsultationId;
import org.mutuality.practice.Consultations;
import org.mutuality.shared.Text;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Consultations under {@code /api/v1/consultations} and boundary agreements under {@code /api/v1/agreements}. */
@RestController
class ConsultationsApi {

    private final Consultations consultations;
    private final BoundaryAgreements agreements;
    private final Directory directory;

    ConsultationsApi(Consultations consultations, BoundaryAgreements agreements, Directory directory) {
        this.consultations = consultations;
        this.agreements = agreements;
        this.directory = directory;
    }

    /** Opens a consultation; the answer lists the colleagues without a conflict to choose from. */
    @PostMapping("/api/v1/consultations")
    ResponseEntity<ConsultationJson> ask(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody AskBody body) {
        Consultations.Asked asked = consultations.ask(
                user,
                Action.parse(body.action()),
                new PersonId(body.actorId()),
                new PersonId(body.subjectId()),
                body.situation());
        return ResponseEntity.created(URI.create(
                        "/api/v1/consultations/" + asked.consultation().id()))
                .body(ConsultationJson.of(asked.consultation(), asked.consultants(), names(user)));
    }

    /** The consultations the caller asked, was asked, or supervises the asker of; newest first. */
    @GetMapping("/api/v1/consultations")
    List<ConsultationJson> mine(@AuthenticationPrincipal SignedInUser user) {
        Function<PersonId, String> names = names(user);
        return consultations.mine(user).stream()
                .map(v -> ConsultationJson.of(v.consultation(), List.of(), names))
                .toList();
    }

    @GetMapping("/api/v1/consultations/{id}")
    ConsultationJson one(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        Consultations.View view = consultations.view(user, new ConsultationId(id));
        return ConsultationJson.of(view.consultation(), consultations.consultantsFor(user, view), names(user));
    }

    /** The asker chooses the colleague to consult. */
    @PostMapping("/api/v1/consultations/{id}/consultant")
    ConsultationJson choose(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody ChooseBody body) {
        return ConsultationJson.of(
                consultations.choose(user, new ConsultationId(id), new PersonId(body.consultantId())),
                List.of(),
                names(user));
    }

    /** The colleague asked answers. */
    @PostMapping("/api/v1/consultations/{id}/answer")
    ConsultationJson answer(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody AnswerBody body) {
        return ConsultationJson.of(
                consultations.answer(
                        user,
                        new ConsultationId(id),
                        Text.choice("outcome", body.outcome(), Consultation.Outcome.class),
                        body.note(),
                        body.safeguards()),
                List.of(),
                names(user));
    }

    @PostMapping("/api/v1/consultations/{id}/withdraw")
    ConsultationJson withdraw(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return ConsultationJson.of(consultations.withdraw(user, new ConsultationId(id)), List.of(), names(user));
    }

    /**
     * The asker attaches the dilemma navigator's summary of these answers (the body of {@code POST
     * /api/v1/navigator}), in the caller's language, or replaces the one attached.
     */
    @PostMapping("/api/v1/consultations/{id}/reflection")
    ConsultationJson reflect(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestBody NavigatorForm body,
            Locale locale) {
        return ConsultationJson.of(
                consultations.reflect(user, new ConsultationId(id), body.answers(), locale), List.of(), names(user));
    }

    /** The asker takes the summary off. */
    @DeleteMapping("/api/v1/consultations/{id}/reflection")
    ConsultationJson unreflect(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return ConsultationJson.of(consultations.unreflect(user, new ConsultationId(id)), List.of(), names(user));
    }

    /** The boundary agreements the caller is one of the two of, or supervises the peer worker of. */
    @GetMapping("/api/v1/agreements")
    List<AgreementJson> agreements(@AuthenticationPrincipal SignedInUser user) {
        return agreements.mine(user).stream()
                .map(v -> AgreementJson.of(v.agreement()))
                .toList();
    }

    @GetMapping("/api/v1/agreements/{id}")
    AgreementJson agreement(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return AgreementJson.of(
                agreements.view(user, new BoundaryAgreementId(id)).agreement());
    }

    /** One of the two writes the agreement: every topic as it should now read; both accept again. */
    @PutMapping("/api/v1/agreements/{id}")
    AgreementJson write(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody WriteBody body) {
        return AgreementJson.of(agreements.write(user, new BoundaryAgreementId(id), topics(body.topics())));
    }

    @PostMapping("/api/v1/agreements/{id}/accept")
    AgreementJson accept(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return AgreementJson.of(agreements.accept(user, new BoundaryAgreementId(id)));
    }

    @PostMapping("/api/v1/agreements/{id}/revisit")
    AgreementJson revisit(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return AgreementJson.of(agreements.revisit(user, new BoundaryAgreementId(id)));
    }

    /** The topics by name (any case), refused with the list of topics when one is unknown. */
    static Map<BoundaryAgreement.Topic, String> topics(Map<String, @Nullable String> given) {
        Map<BoundaryAgreement.Topic, String> topics = new EnumMap<>(BoundaryAgreement.Topic.class);
        given.forEach((name, text) -> {
            if (text != null) {
                topics.put(Text.choice("topics", name, BoundaryAgreement.Topic.class), text);
            }
        });
        return topics;
    }

    private Function<PersonId, String> names(SignedInUser user) {
        Map<PersonId, String> names = directory.displayNames(user.agencyId());
        return p -> names.getOrDefault(p, "");
    }

    record AskBody(
            @NotNull String action,
            @NotNull UUID actorId,
            @NotNull UUID subjectId,
            @Nullable String situation) {}

    record ChooseBody(@NotNull UUID consultantId) {}

    record AnswerBody(
            @NotNull String outcome,
            @Nullable String note,
            @Nullable List<String> safeguards) {}

    record WriteBody(@NotNull Map<String, @Nullable String> topics) {}

    record PersonJson(UUID id, String name) {}

    record UsedJson(String kind, UUID id) {}

    /**
     * @param text the navigator's summary as the asker attached it
     * @param language the language it is written in (a BCP 47 tag)
     */
    record ReflectionJson(String text, String language, Instant attachedAt) {}

    record ConsultationJson(
            UUID id,
            String action,
            PersonJson askedBy,
            PersonJson actor,
            PersonJson subject,
            String situation,
            String status,
            @Nullable PersonJson consultant,
            @Nullable String outcome,
            @Nullable String note,
            List<String> safeguards,
            @Nullable UsedJson usedFor,
            Instant askedAt,
            @Nullable Instant answeredAt,
            @Nullable Instant usedAt,
            @Nullable ReflectionJson reflection,
            List<PersonJson> consultants) {

        static ConsultationJson of(
                Consultation c, List<ConflictDecision.Alternative> offered, Function<PersonId, String> names) {
            return new ConsultationJson(
                    c.id().value(),
                    c.action().name(),
                    person(c.askedBy(), names),
                    person(c.actor(), names),
                    person(c.subject(), names),
                    c.situation(),
                    c.status().name(),
                    c.consultant() == null ? null : person(c.consultant(), names),
                    c.outcome() == null ? null : c.outcome().name(),
                    c.note(),
                    c.safeguards(),
                    c.usedFor() == null
                            ? null
                            : new UsedJson(
                                    c.usedFor().kind().name(), c.usedFor().id()),
                    c.askedAt(),
                    c.answeredAt(),
                    c.usedAt(),
                    c.reflection() == null
                            ? null
                            : new ReflectionJson(
                                    c.reflection().text(),
                                    c.reflection().language().toLanguageTag(),
                                    c.reflection().at()),
                    offered.stream()
                            .map(a -> new PersonJson(a.personId().value(), a.name()))
                            .toList());
        }

        private static PersonJson person(PersonId id, Function<PersonId, String> names) {
            return new PersonJson(id.value(), names.apply(id));
        }
    }

    record AgreementJson(
            UUID id,
            UUID consultationId,
            UUID peerId,
            UUID participantId,
            String status,
            List<String> safeguards,
            Map<BoundaryAgreement.Topic, String> topics,
            @Nullable Instant peerAcceptedAt,
            @Nullable Instant participantAcceptedAt,
            @Nullable UUID revisitAskedById,
            Instant updatedAt) {

        static AgreementJson of(BoundaryAgreement a) {
            return new AgreementJson(
                    a.id().value(),
                    a.consultation().value(),
                    a.peer().value(),
                    a.participant().value(),
                    a.status().name(),
                    a.safeguards(),
                    new java.util.TreeMap<>(a.topics()),
                    a.peerAcceptedAt(),
                    a.participantAcceptedAt(),
                    a.revisitAskedBy() == null ? null : a.revisitAskedBy().value(),
                    a.updatedAt());
        }
    }
}
