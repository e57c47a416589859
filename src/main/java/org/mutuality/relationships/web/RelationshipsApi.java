package org.mutuality.relationships.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.relationships.DeclareRelationship;
import org.mutuality.relationships.Relationship;
import org.mutuality.relationships.RelationshipCursor;
import org.mutuality.relationships.RelationshipId;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.RelationshipRefused;
import org.mutuality.relationships.RelationshipRegister;
import org.mutuality.relationships.Visibility;
import org.mutuality.shared.Page;
import org.mutuality.shared.web.NextPage;
import org.mutuality.shared.web.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** The relationship register under {@code /api/v1/relationships}. */
@RestController
class RelationshipsApi {

    private final RelationshipRegister register;
    private final Clock clock;
    private final Pages pages;

    RelationshipsApi(RelationshipRegister register, Clock clock, Pages pages) {
        this.register = register;
        this.clock = clock;
        this.pages = pages;
    }

    @PostMapping("/api/v1/relationships")
    ResponseEntity<RelationshipJson> declare(
            @AuthenticationPrincipal SignedInUser user, @Valid @RequestBody RelationshipBody body) {
        RelationshipJson created = RelationshipJson.of(
                register.declare(
                        user, body.toCommand(), Boolean.TRUE.equals(body.acknowledge()), body.consultationId()),
                body.consultationId());
        return ResponseEntity.created(URI.create("/api/v1/relationships/" + created.id()))
                .body(created);
    }

    @GetMapping("/api/v1/relationships/{id}")
    RelationshipJson read(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        RelationshipId rid = new RelationshipId(id);
        return RelationshipJson.of(
                register.visible(user, rid), register.consultation(user, rid).orElse(null));
    }

    /**
     * A page of the person's relationships the caller may see, newest first by when they were declared
     * (50 unless {@code limit} says otherwise, at most 200), after the {@code after} cursor; a {@code
     * Link} header names the next page when there is one. 404 to a caller who may not see the person.
     */
    @GetMapping("/api/v1/people/{id}/relationships")
    ResponseEntity<List<RelationshipJson>> of(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String after) {
        PersonId person = new PersonId(id);
        int size = Page.limit(limit, RelationshipRegister.PAGE);
        Page<Relationship> page = register.read(user, person, RelationshipCursor.parse(after), size);
        Map<RelationshipId, UUID> consulted = register.consultations(user, person, page.items());
        String next = NextPage.address(
                UriComponentsBuilder.fromPath("/api/v1/people/" + id + "/relationships"), size, page.next());
        return NextPage.ok(
                page.items().stream()
                        .map(r -> RelationshipJson.of(r, consulted.get(r.id())))
                        .toList(),
                next);
    }

    @PostMapping("/api/v1/relationships/{id}/end")
    RelationshipJson end(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestBody(required = false) @Nullable EndBody body) {
        LocalDate end = body == null || body.endDate() == null ? LocalDate.now(clock) : body.endDate();
        return RelationshipJson.of(register.end(user, new RelationshipId(id), end));
    }

    @ExceptionHandler(RelationshipRefused.class)
    ResponseEntity<ProblemDetail> refused(RelationshipRefused e) {
        boolean blocks = e.refusal().blocks();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, pages.text(e));
        problem.setTitle(
                blocks ? "Refused by the agency's conflict policy" : "The conflict check asks for an acknowledgement");
        problem.setType(URI.create(
                blocks
                        ? "https://mutuality.org/problems/conflict-of-interest"
                        : "https://mutuality.org/problems/acknowledgement-needed"));
        problem.setProperty("decision", e.refusal().decision());
        // What a consultation in place of the acknowledgement would be about (action, actorId, subjectId).
        e.facts().forEach(problem::setProperty);
        problem.setProperty("reasons", e.refusal().explanations());
        problem.setProperty(
                "alternatives",
                e.refusal().alternatives().stream()
                        .map(a -> new AlternativeJson(a.personId().value(), a.name()))
                        .toList());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    record AlternativeJson(UUID personId, String name) {}

    record RelationshipBody(
            @NotNull RelationshipKind kind,
            @NotNull UUID personAId,
            @NotNull UUID personBId,
            @Nullable LocalDate startDate,
            @Nullable LocalDate endDate,
            @Size(max = 1000) @Nullable String note,
            @Nullable Visibility visibility,
            @Nullable Boolean acknowledge,
            @Nullable UUID consultationId) {

        DeclareRelationship toCommand() {
            return new DeclareRelationship(
                    kind, new PersonId(personAId), new PersonId(personBId), startDate, endDate, note, visibility);
        }
    }

    record EndBody(@Nullable LocalDate endDate) {}
}
