package org.mutuality.records.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.AccessDecision;
import org.mutuality.access.AccessGuard;
import org.mutuality.access.Purpose;
import org.mutuality.access.RecordKind;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.records.Note;
import org.mutuality.records.NotesRead;
import org.mutuality.records.Records;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Notes under {@code /api/v1/people/{id}/notes} and the guard's what-if at {@code /api/v1/access/check}. */
@RestController
class NotesApi {

    private final Records records;
    private final AccessGuard guard;
    private final Directory directory;

    NotesApi(Records records, AccessGuard guard, Directory directory) {
        this.records = records;
        this.guard = guard;
        this.directory = directory;
    }

    /**
     * The notes the caller may read, each kind with the basis that allowed it; 403 when none, and 404
     * (as for a missing person) to a caller who may not see the person at all.
     */
    @GetMapping("/api/v1/people/{id}/notes")
    NotesJson read(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable RecordKind kind,
            @RequestParam(required = false) @Nullable Purpose purpose) {
        if (kind != null && !kind.isNote()) {
            throw new IllegalArgumentException("kind must be CARE_NOTES or SUPPORT_NOTES, was " + kind);
        }
        List<RecordKind> kinds = kind == null
                ? java.util.Arrays.stream(RecordKind.values())
                        .filter(RecordKind::isNote)
                        .toList()
                : List.of(kind);
        List<NoteJson> shown = new ArrayList<>();
        List<String> bases = new ArrayList<>();
        for (RecordKind k : kinds) {
            Purpose p = purpose != null ? purpose : k.usualPurpose();
            NotesRead result = records.read(user, new PersonId(id), k, p);
            if (result instanceof NotesRead.Shown notes) {
                notes.notes().forEach(n -> shown.add(NoteJson.of(n)));
                bases.add(k + ":" + notes.basis());
            }
        }
        if (bases.isEmpty()) {
            throw user.refusalAbout(
                    new PersonId(id),
                    "You are not in this person's circle of care or assigned to them for this purpose. The attempt was recorded.");
        }
        return new NotesJson(bases, shown);
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
        Note original = records.locate(user, noteId).orElseThrow(() -> new NotFoundException("note", noteId));
        Note amendment = records.write(user, original.subject(), original.kind(), null, body.text(), noteId);
        return ResponseEntity.created(URI.create("/api/v1/people/" + original.subject() + "/notes"))
                .body(NoteJson.of(amendment));
    }

    @PostMapping("/api/v1/access/check")
    CheckJson check(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody CheckBody body) {
        PersonId reader = new PersonId(body.readerId());
        if (!user.isSelf(reader) && !user.has(Role.PRIVACY_LEAD)) {
            throw new ForbiddenException("You may check your own access; the privacy lead may check anyone's.");
        }
        directory.requirePerson(user.agencyId(), reader);
        directory.requirePerson(user.agencyId(), new PersonId(body.subjectId()));
        AccessDecision decision = guard.decide(
                user.agencyId(), reader, new PersonId(body.subjectId()), body.recordKind(), body.purpose());
        if (decision instanceof AccessDecision.Granted granted) {
            return new CheckJson(true, granted.basis().name(), null);
        }
        return new CheckJson(false, null, ((AccessDecision.Refused) decision).reason());
    }

    record NotesJson(List<String> bases, List<NoteJson> notes) {}

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
                    n.id(),
                    n.subject().value(),
                    n.author().value(),
                    n.kind().name(),
                    n.writtenOn(),
                    n.text(),
                    n.amends(),
                    n.createdAt());
        }
    }

    record NoteBody(
            @NotNull RecordKind kind,
            @Nullable LocalDate date,
            @NotBlank @Size(max = 4000) String text) {}

    record AmendBody(@NotBlank @Size(max = 4000) String text) {}

    record CheckBody(
            @NotNull UUID readerId,
            @NotNull UUID subjectId,
            @NotNull RecordKind recordKind,
            @NotNull Purpose purpose) {}

    record CheckJson(
            boolean allowed,
            @Nullable String basis,
            @Nullable String reason) {}
}
