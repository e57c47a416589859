package org.mutuality.support.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.Page;
import org.mutuality.shared.Text;
import org.mutuality.shared.web.NextPage;
import org.mutuality.support.Interaction;
import org.mutuality.support.InteractionCursor;
import org.mutuality.support.InteractionId;
import org.mutuality.support.InteractionKind;
import org.mutuality.support.Interactions;
import org.mutuality.support.RecordInteraction;
import org.mutuality.support.Topic;
import org.mutuality.support.web.SupportJson.InteractionJson;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** A participant's interactions under {@code /api/v1}: read, record and amend. */
@RestController
class InteractionsApi {

    private final Interactions interactions;

    InteractionsApi(Interactions interactions) {
        this.interactions = interactions;
    }

    /**
     * A page of the participant's interactions as the caller may see them (30 unless {@code limit}
     * says otherwise, at most 200), newest first, with the whole record's count and minutes and the
     * link to the next page ({@code next}, also a {@code Link} header); 403 (audited) otherwise.
     */
    @GetMapping("/api/v1/people/{id}/interactions")
    ResponseEntity<InteractionsJson> read(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String after) {
        int size = Page.limit(limit, Interactions.PAGE);
        Interactions.Record record = interactions.read(user, new PersonId(id), InteractionCursor.parse(after), size);
        String next = NextPage.address(
                UriComponentsBuilder.fromPath("/api/v1/people/" + id + "/interactions"), size, record.next());
        InteractionsJson body = new InteractionsJson(
                record.basis().name(),
                record.current().stream()
                        .map(i -> InteractionJson.of(i, record.history()))
                        .toList(),
                record.contacts(),
                record.minutes(),
                next);
        return NextPage.ok(body, next);
    }

    @PostMapping("/api/v1/people/{id}/interactions")
    ResponseEntity<InteractionJson> record(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @Valid @RequestBody InteractionBody body) {
        Interaction i = interactions.record(user, new PersonId(id), body.toCommand());
        return ResponseEntity.created(URI.create("/api/v1/people/" + id + "/interactions"))
                .body(InteractionJson.of(i, java.util.Map.of()));
    }

    /** Corrects an interaction: a new entry that replaces it in lists; the original stays. */
    @PostMapping("/api/v1/interactions/{id}/amend")
    ResponseEntity<InteractionJson> amend(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @Valid @RequestBody InteractionBody body) {
        Interaction i = interactions.amend(user, new InteractionId(id), body.toCommand());
        return ResponseEntity.created(URI.create("/api/v1/people/" + i.participant() + "/interactions"))
                .body(InteractionJson.of(i, java.util.Map.of()));
    }

    /**
     * @param contacts how many current contacts the whole record has
     * @param minutes their minutes in all
     * @param next the link to the next page, or null on the last
     */
    record InteractionsJson(
            String basis,
            List<InteractionJson> interactions,
            int contacts,
            int minutes,
            @Nullable String next) {}

    record InteractionBody(
            @NotNull String kind,
            @Nullable LocalDate occurredOn,
            @NotNull Integer durationMinutes,
            @Nullable String place,
            @Nullable List<String> topics,
            @Nullable Boolean livedExperienceShared,
            @Nullable String note,
            @Nullable LocalDateTime nextMeeting) {
        RecordInteraction toCommand() {
            return new RecordInteraction(
                    Text.choice("kind", kind, InteractionKind.class),
                    occurredOn,
                    durationMinutes,
                    place,
                    Text.choices("topics", topics, Topic.class),
                    Boolean.TRUE.equals(livedExperienceShared),
                    note,
                    nextMeeting);
        }
    }
}
