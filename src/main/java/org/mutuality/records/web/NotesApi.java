package org.mutuality.records.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.Purpose;
import org.mutuality.access.RecordKind;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.records.Note;
import org.mutuality.records.NoteCursor;
import org.mutuality.records.NoteId;
import org.mutuality.records.NotesRead;
import org.mutuality.records.Records;
import org.mutuality.shared.NotFoundException;
import org.mutuality.shared.Page;
import org.mutuality.shared.web.NextPage;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Notes under {@code /api/v1/people/{id}/notes}. */
@RestController
class NotesApi {

    private final Records records;

    NotesApi(Records records) {
        this.records = records;
    }

    /**
     * A page of the notes the caller may read (20 of each kind unless {@code limit} says otherwise, at
     * most 200), each kind with the basis that allowed it; {@code next} names, per kind with older
     * notes, the link to its next page (also sent as a {@code Link} header when one kind has more).
     * 403 when no kind opens, and 404 (as for a missing person) to a caller who may not see the person
     * at all.
     */
    @GetMapping("/api/v1/people/{id}/notes")
    ResponseEntity<NotesJson> read(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable RecordKind kind,
            @RequestParam(required = false) @Nullable Purpose purpose,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String after) {
        int size = Page.limit(limit, Records.PAGE);
        NoteCursor cursor = NoteCursor.parse(after);
        Map<RecordKind, NotesRead.Shown> shown =
                records.readable(user, new PersonId(id), Records.noteKinds(kind), purpose, cursor, size);
        if (shown.isEmpty()) {
            throw user.refusalAbout(new PersonId(id), "note.refusedAndRecorded");
        }
        Map<String, String> next = new LinkedHashMap<>();
        shown.forEach((k, s) -> {
            if (s.next() != null) {
                next.put(
                        k.name(),
                        NextPage.address(
                                UriComponentsBuilder.fromPath("/api/v1/people/" + id + "/notes")
                                        .queryParam("kind", k)
                                        .queryParamIfPresent("purpose", java.util.Optional.ofNullable(purpose)),
                                size,
                                s.next()));
            }
        });
        NotesJson body = new NotesJson(
                shown.entrySet().stream()
                        .map(e -> e.getKey() + ":" + e.getValue().basis())
                        .toList(),
                shown.values().stream()
                        .flatMap(s -> s.notes().stream())
                        .map(NoteJson::of)
                        .toList(),
                next);
        return NextPage.ok(body, next.size() == 1 ? next.values().iterator().next() : null);
    }

    @PostMapping("/api/v1/people/{id}/notes")
    ResponseEntity<NoteJson> write(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody NoteBody body) {
        Note note = records.write(user, new PersonId(id), body.kind(), body.date(), body.text(), null);
        return ResponseEntity.created(URI.create("/api/v1/people/" + id + "/notes"))
                .body(NoteJson.of(note));
    }

    @PostMapping("/api/v1/notes/{noteId}/amend")
    ResponseEntity<NoteJson> amend(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID noteId, @Valid @RequestBody AmendBody body) {
        NoteId amended = new NoteId(noteId);
        Note original =
                records.locate(user, amended).orElseThrow(() -> new NotFoundException("notFound.note", amended));
        Note amendment = records.write(user, original.subject(), original.kind(), null, body.text(), amended);
        return ResponseEntity.created(URI.create("/api/v1/people/" + original.subject() + "/notes"))
                .body(NoteJson.of(amendment));
    }

    /**
     * @param next per kind with older notes, the link to its next page
     */
    record NotesJson(List<String> bases, List<NoteJson> notes, Map<String, String> next) {}

    record NoteJson(
            UUID id,
            UUID subjectId,
            UUID authorId,
            String kind,
            LocalDate date,
            String text,
            @Nullable UUID amends,
            Instant createdAt) {
        static NoteJson of(Note n) {
            return new NoteJson(
                    n.id().value(),
                    n.subject().value(),
                    n.author().value(),
                    n.kind().name(),
                    n.writtenOn(),
                    n.text(),
                    n.amends() == null ? null : n.amends().value(),
                    n.createdAt());
        }
    }

    record NoteBody(
            @NotNull RecordKind kind,
            @Nullable LocalDate date,
            @NotBlank @Size(max = 4000) String text) {}

    record AmendBody(@NotBlank @Size(max = 4000) String text) {}
}
