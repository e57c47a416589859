package org.mutuality.practice.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.practice.AgendaItem;
import org.mutuality.practice.ChecklistTopic;
import org.mutuality.practice.SupervisionDue;
import org.mutuality.practice.SupervisionForm;
import org.mutuality.practice.SupervisionSchedule;
import org.mutuality.practice.SupervisionSession;
import org.mutuality.practice.SupervisionSessionId;
import org.mutuality.practice.SupervisionSummary;
import org.mutuality.practice.SupervisionView;
import org.mutuality.practice.Supervisions;
import org.mutuality.practice.SupervisorLoad;
import org.mutuality.shared.Text;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Supervision sessions, when supervision is due, supervisors and the schedule, under {@code /api/v1/supervision}. */
@RestController
class SupervisionApi {

    private final Supervisions supervisions;

    SupervisionApi(Supervisions supervisions) {
        this.supervisions = supervisions;
    }

    @PostMapping("/api/v1/supervision/sessions")
    ResponseEntity<SessionJson> plan(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody PlanBody body) {
        SupervisionView v = supervisions.plan(
                user,
                new PersonId(body.superviseeId()),
                body.heldOn(),
                body.minutes(),
                Text.choice("form", body.form(), SupervisionForm.class));
        return ResponseEntity.created(
                        URI.create("/api/v1/supervision/sessions/" + v.session().id()))
                .body(SessionJson.of(v));
    }

    /** Summaries of the caller's sessions, or of every session for the privacy lead. */
    @GetMapping("/api/v1/supervision/sessions")
    List<SummaryJson> list(@AuthenticationPrincipal SignedInUser user) {
        return supervisions.list(user).stream().map(SummaryJson::of).toList();
    }

    @GetMapping("/api/v1/supervision/sessions/{id}")
    SessionJson one(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return SessionJson.of(supervisions.view(user, new SupervisionSessionId(id)));
    }

    /** That a session happened, for its two people and the privacy lead. */
    @GetMapping("/api/v1/supervision/sessions/{id}/summary")
    SummaryJson summary(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return SummaryJson.of(supervisions.summary(user, new SupervisionSessionId(id)));
    }

    @PostMapping("/api/v1/supervision/sessions/{id}/notes")
    SessionJson note(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody NoteBody body) {
        return SessionJson.of(supervisions.note(
                user, new SupervisionSessionId(id), body.text(), Boolean.TRUE.equals(body.privateNote())));
    }

    @PutMapping("/api/v1/supervision/sessions/{id}/topics")
    SessionJson topics(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody TopicsBody body) {
        return SessionJson.of(supervisions.discuss(
                user, new SupervisionSessionId(id), Text.choices("topics", body.topics(), ChecklistTopic.class)));
    }

    @PostMapping("/api/v1/supervision/sessions/{id}/actions")
    SessionJson action(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody ActionBody body) {
        return SessionJson.of(supervisions.agree(user, new SupervisionSessionId(id), body.text(), body.dueOn()));
    }

    @PostMapping("/api/v1/supervision/sessions/{id}/actions/{actionId}/done")
    SessionJson done(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @PathVariable UUID actionId) {
        return SessionJson.of(supervisions.complete(user, new SupervisionSessionId(id), actionId));
    }

    /** Signs the caller's own part; a part named in the body must be theirs. */
    @PostMapping("/api/v1/supervision/sessions/{id}/sign-off")
    SessionJson signOff(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestBody(required = false) @Nullable SignBody body) {
        SupervisionSession.Part part = body == null || body.part() == null
                ? null
                : Text.choice("part", body.part(), SupervisionSession.Part.class);
        return SessionJson.of(supervisions.signOff(user, new SupervisionSessionId(id), part));
    }

    /** When supervision is next due for the caller's pairs (every pair, for a manager or the privacy lead). */
    @GetMapping("/api/v1/supervision/due")
    List<DueJson> due(@AuthenticationPrincipal SignedInUser user) {
        return supervisions.due(user).stream().map(DueJson::of).toList();
    }

    @GetMapping("/api/v1/supervision/supervisors")
    List<LoadJson> supervisors(@AuthenticationPrincipal SignedInUser user) {
        return supervisions.supervisors(user).stream().map(LoadJson::of).toList();
    }

    @GetMapping("/api/v1/supervision/settings")
    SettingsJson settings(@AuthenticationPrincipal SignedInUser user) {
        return SettingsJson.of(supervisions.schedule(user));
    }

    @PutMapping("/api/v1/supervision/settings")
    SettingsJson saveSettings(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody SettingsBody body) {
        Map<Role, Integer> weeks = new EnumMap<>(Role.class);
        if (body.everyWeeks() != null) {
            body.everyWeeks().forEach((role, w) -> weeks.put(Text.choice("everyWeeks", role, Role.class), w));
        }
        return SettingsJson.of(supervisions.saveSchedule(user, new SupervisionSchedule(weeks, body.ratio())));
    }

    record PlanBody(
            @NotNull UUID superviseeId,
            @NotNull LocalDate heldOn,
            @NotNull Integer minutes,
            @NotNull String form) {}

    record NoteBody(@NotNull String text, @Nullable Boolean privateNote) {}

    record TopicsBody(@NotNull List<@NotNull String> topics) {}

    record ActionBody(@NotNull String text, @NotNull LocalDate dueOn) {}

    record SignBody(@Nullable String part) {}

    record SettingsBody(
            @Nullable Map<String, Integer> everyWeeks,
            @NotNull Integer ratio) {}

    record AgendaJson(
            String source,
            String reference,
            @Nullable String topic,
            @Nullable LocalDate since) {
        static AgendaJson of(AgendaItem i) {
            return new AgendaJson(i.source().name(), i.reference(), i.topic(), i.since());
        }
    }

    record NoteJson(UUID id, UUID authorId, boolean privateNote, String text, Instant at) {}

    record ActionJson(
            UUID id, String text, LocalDate dueOn, @Nullable LocalDate doneOn) {
        static ActionJson of(SupervisionSession.Action a) {
            return new ActionJson(a.id(), a.text(), a.dueOn(), a.doneOn());
        }
    }

    record SessionJson(
            UUID id,
            UUID supervisorId,
            UUID superviseeId,
            LocalDate heldOn,
            int minutes,
            String form,
            List<AgendaJson> agenda,
            List<NoteJson> notes,
            List<String> topics,
            List<ActionJson> actions,
            List<ActionJson> carriedActions,
            @Nullable Instant supervisorSignedAt,
            @Nullable Instant superviseeSignedAt,
            String status) {
        static SessionJson of(SupervisionView v) {
            SupervisionSession s = v.session();
            return new SessionJson(
                    s.id().value(),
                    s.supervisor().value(),
                    s.supervisee().value(),
                    s.heldOn(),
                    s.minutes(),
                    s.form().name(),
                    s.agenda().stream().map(AgendaJson::of).toList(),
                    s.notes().stream()
                            .map(n -> new NoteJson(n.id(), n.author().value(), n.privateNote(), n.text(), n.at()))
                            .toList(),
                    s.topics().stream().sorted().map(Enum::name).toList(),
                    s.actions().stream().map(ActionJson::of).toList(),
                    v.carried().stream().map(ActionJson::of).toList(),
                    s.supervisorSignedAt(),
                    s.superviseeSignedAt(),
                    s.status().name());
        }
    }

    record SummaryJson(UUID id, LocalDate heldOn, UUID supervisorId, UUID superviseeId, String form, String status) {
        static SummaryJson of(SupervisionSummary s) {
            return new SummaryJson(
                    s.id().value(),
                    s.heldOn(),
                    s.supervisor().value(),
                    s.supervisee().value(),
                    s.form().name(),
                    s.status().name());
        }
    }

    record DueJson(
            UUID supervisorId, UUID superviseeId, @Nullable LocalDate lastHeld, LocalDate dueOn, boolean overdue) {
        static DueJson of(SupervisionDue d) {
            return new DueJson(d.supervisor().value(), d.supervisee().value(), d.lastHeld(), d.dueOn(), d.overdue());
        }
    }

    record LoadJson(UUID supervisorId, String name, int supervisees, int overdue, boolean overRatio) {
        static LoadJson of(SupervisorLoad l) {
            return new LoadJson(l.supervisor().value(), l.name(), l.supervisees(), l.overdue(), l.overRatio());
        }
    }

    record SettingsJson(Map<String, Integer> everyWeeks, int ratio) {
        static SettingsJson of(SupervisionSchedule s) {
            Map<String, Integer> weeks = new java.util.TreeMap<>();
            s.everyWeeks().forEach((r, w) -> weeks.put(r.name(), w));
            return new SettingsJson(weeks, s.ratio());
        }
    }
}
