package org.mutuality.workforce.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.Text;
import org.mutuality.workforce.Accommodation;
import org.mutuality.workforce.AccommodationId;
import org.mutuality.workforce.WellnessItem;
import org.mutuality.workforce.WellnessPlan;
import org.mutuality.workforce.WellnessPlans;
import org.mutuality.workforce.WellnessSection;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Wellness plans and accommodations: the caller's own under {@code /api/v1/me/...}, what a supervisee
 * shares under {@code /api/v1/people/{id}/wellness-plan}, and the requests sent to managers under
 * {@code /api/v1/accommodations}. What the caller may not read answers exactly as a missing one.
 */
@RestController
class WellnessPlanApi {

    private final WellnessPlans plans;

    WellnessPlanApi(WellnessPlans plans) {
        this.plans = plans;
    }

    @GetMapping("/api/v1/me/wellness-plan")
    WellnessPlanJson mine(@AuthenticationPrincipal SignedInUser user) {
        return WellnessPlanJson.of(plans.mine(user));
    }

    @PutMapping("/api/v1/me/wellness-plan")
    WellnessPlanJson write(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody WellnessPlanBody body) {
        Map<WellnessSection, WellnessPlans.SectionEdit> sections = new EnumMap<>(WellnessSection.class);
        body.sections().forEach((name, s) -> {
            if (s == null) {
                throw new org.mutuality.shared.BadInputException(
                        "text.required", org.mutuality.shared.Explanation.field("sections"));
            }
            sections.put(
                    Text.choice("sections", name, WellnessSection.class),
                    new WellnessPlans.SectionEdit(s.text(), Boolean.TRUE.equals(s.shared())));
        });
        return WellnessPlanJson.of(plans.writeMine(user, sections));
    }

    @GetMapping("/api/v1/people/{id}/wellness-plan")
    WellnessPlanJson shared(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return WellnessPlanJson.of(plans.sharedWith(user, new PersonId(id)));
    }

    @PostMapping("/api/v1/me/accommodations")
    ResponseEntity<AccommodationJson> ask(
            @AuthenticationPrincipal SignedInUser user, @Valid @RequestBody AccommodationAskBody body) {
        Accommodation a =
                plans.ask(user, body.request(), Boolean.TRUE.equals(body.shared()), Boolean.TRUE.equals(body.send()));
        return ResponseEntity.created(URI.create("/api/v1/accommodations/" + a.id()))
                .body(AccommodationJson.of(a));
    }

    @PostMapping("/api/v1/me/accommodations/{id}/sharing")
    AccommodationJson share(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody SharingBody body) {
        return AccommodationJson.of(plans.share(user, new AccommodationId(id), body.shared()));
    }

    @PostMapping("/api/v1/me/accommodations/{id}/send")
    AccommodationJson send(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return AccommodationJson.of(plans.send(user, new AccommodationId(id)));
    }

    @GetMapping("/api/v1/accommodations")
    List<AccommodationSentJson> sent(
            @AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "0") int page) {
        return plans.sent(user, page).stream()
                .map(s -> new AccommodationSentJson(s.id().value(), s.person().value(), s.sentAt(), s.outcome()))
                .toList();
    }

    @GetMapping("/api/v1/accommodations/{id}")
    AccommodationJson one(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return AccommodationJson.of(plans.accommodation(user, new AccommodationId(id)));
    }

    @PostMapping("/api/v1/accommodations/{id}/answer")
    AccommodationJson answer(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @Valid @RequestBody AccommodationAnswerBody body) {
        Accommodation.Outcome outcome = Text.choice("outcome", body.outcome(), Accommodation.Outcome.class);
        return AccommodationJson.of(plans.answer(user, new AccommodationId(id), outcome, body.text()));
    }

    /** One section: its text (blank to remove it), and whether the supervisor sees it. */
    record WellnessSectionJson(
            @Nullable String text, @Nullable Boolean shared) {}

    /** The whole plan's sections by name ({@link WellnessSection}); a section left out is removed. */
    record WellnessPlanBody(@NotNull Map<String, WellnessSectionJson> sections) {}

    record AccommodationAskBody(
            @NotNull String request,
            @Nullable Boolean shared,
            @Nullable Boolean send) {}

    record SharingBody(@NotNull Boolean shared) {}

    record AccommodationAnswerBody(
            @NotNull String outcome, @NotNull String text) {}

    record SectionOut(
            WellnessSection section,
            String text,
            boolean shared,
            @Nullable Instant sharedAt) {
        static SectionOut of(WellnessItem i) {
            return new SectionOut(i.section(), i.text(), i.shared(), i.sharedAt());
        }
    }

    record AnswerJson(Accommodation.Outcome outcome, String text, UUID by, Instant at) {}

    record AccommodationJson(
            UUID id,
            UUID personId,
            String request,
            Instant writtenAt,
            boolean shared,
            @Nullable Instant sentAt,
            @Nullable AnswerJson answer) {
        static AccommodationJson of(Accommodation a) {
            Accommodation.Answer answer = a.answer();
            return new AccommodationJson(
                    a.id().value(),
                    a.person().value(),
                    a.request(),
                    a.writtenAt(),
                    a.shared(),
                    a.sentAt(),
                    answer == null
                            ? null
                            : new AnswerJson(
                                    answer.outcome(), answer.text(), answer.by().value(), answer.at()));
        }
    }

    record AccommodationSentJson(UUID id, UUID personId, Instant sentAt, Accommodation.@Nullable Outcome outcome) {}

    record WellnessPlanJson(UUID personId, List<SectionOut> sections, List<AccommodationJson> accommodations) {
        static WellnessPlanJson of(WellnessPlan p) {
            return new WellnessPlanJson(
                    p.person().value(),
                    p.sections().stream().map(SectionOut::of).toList(),
                    p.accommodations().stream().map(AccommodationJson::of).toList());
        }
    }
}
