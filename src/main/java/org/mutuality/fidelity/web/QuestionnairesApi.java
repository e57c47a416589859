package org.mutuality.fidelity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.fidelity.Due;
import org.mutuality.fidelity.Questionnaires;
import org.mutuality.fidelity.Result;
import org.mutuality.fidelity.Scale;
import org.mutuality.fidelity.Wording;
import org.mutuality.shared.Page;
import org.mutuality.shared.PageCursor;
import org.mutuality.shared.Text;
import org.mutuality.shared.web.NextPage;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Outcome questionnaires: the caller's own under {@code /api/v1/me/questionnaires}, a participant's
 * results for their peer worker under {@code /api/v1/people/{id}/questionnaires}, and the agency's
 * definitions under {@code /api/v1/fidelity/questionnaires}. Results the caller may not read answer
 * exactly as missing ones.
 */
@RestController
class QuestionnairesApi {

    private final Questionnaires questionnaires;

    QuestionnairesApi(Questionnaires questionnaires) {
        this.questionnaires = questionnaires;
    }

    /** The caller's questionnaires, with when each is due; the agency has a handful, so one page. */
    @GetMapping("/api/v1/me/questionnaires")
    List<DueJson> due(@AuthenticationPrincipal SignedInUser user) {
        return questionnaires.due(user).stream().map(DueJson::of).toList();
    }

    @PostMapping("/api/v1/me/questionnaires/{code}/responses")
    ResponseEntity<ResultJson> respond(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @Valid @RequestBody AnswersBody body) {
        Result result = questionnaires.respond(user, code, body.answers());
        return ResponseEntity.created(URI.create("/api/v1/me/questionnaires/" + code + "/results"))
                .body(ResultJson.of(result));
    }

    /** A page of the caller's results, newest first (50 unless {@code limit} says, at most 200). */
    @GetMapping("/api/v1/me/questionnaires/{code}/results")
    ResponseEntity<List<ResultJson>> mine(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String code,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String after) {
        int size = Page.limit(limit, Questionnaires.PAGE);
        Page<Result> page = questionnaires.mine(user, code, PageCursor.parse(after, 2), size);
        return NextPage.ok(
                page,
                ResultJson::of,
                UriComponentsBuilder.fromPath("/api/v1/me/questionnaires/" + code + "/results"),
                size);
    }

    @GetMapping("/api/v1/me/questionnaires/sharing")
    SharingJson sharing(@AuthenticationPrincipal SignedInUser user) {
        return new SharingJson(questionnaires.sharing(user));
    }

    @PutMapping("/api/v1/me/questionnaires/sharing")
    SharingJson share(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody SharingJson body) {
        return new SharingJson(questionnaires.share(user, body.shared()));
    }

    /** A participant's results, for their peer worker while the participant allows it; 404 otherwise. */
    @GetMapping("/api/v1/people/{id}/questionnaires/{code}/results")
    ResponseEntity<List<ResultJson>> of(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @PathVariable String code,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String after) {
        int size = Page.limit(limit, Questionnaires.PAGE);
        Page<Result> page = questionnaires.of(user, new PersonId(id), code, PageCursor.parse(after, 2), size);
        return NextPage.ok(
                page,
                ResultJson::of,
                UriComponentsBuilder.fromPath("/api/v1/people/" + id + "/questionnaires/" + code + "/results"),
                size);
    }

    /** The agency's questionnaires, with their wording in both languages. */
    @GetMapping("/api/v1/fidelity/questionnaires")
    List<ScaleJson> scales(@AuthenticationPrincipal SignedInUser user) {
        return questionnaires.scales(user.agencyId()).stream()
                .map(ScaleJson::of)
                .toList();
    }

    /** Defines a questionnaire, or pastes or changes its wording (administrators and managers). */
    @PutMapping("/api/v1/fidelity/questionnaires/{code}")
    ScaleJson define(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String code, @Valid @RequestBody ScaleJson body) {
        List<Wording> items = new ArrayList<>();
        for (WordingJson w : body.items()) {
            items.add(w == null ? Wording.none() : w.required("items"));
        }
        List<Scale.Option> options = new ArrayList<>();
        for (OptionJson o : body.options()) {
            if (o == null || o.value() == null || o.label() == null) {
                throw new org.mutuality.shared.BadInputException(
                        "text.required", org.mutuality.shared.Explanation.field("options"));
            }
            options.add(new Scale.Option(o.value(), o.label().required("options")));
        }
        Scale scale =
                new Scale(code, body.title().required("title"), items, options, body.factor(), body.intervalDays());
        return ScaleJson.of(questionnaires.define(user, scale));
    }

    record AnswersBody(@NotNull List<Integer> answers) {}

    record SharingJson(@NotNull Boolean shared) {}

    record WordingJson(@Nullable String en, @Nullable String fr) {
        Wording required(String field) {
            return Wording.required(field, en, fr, Text.Limit.SHORT);
        }

        static WordingJson of(Wording w) {
            return new WordingJson(w.en(), w.fr());
        }
    }

    record OptionJson(@Nullable Integer value, @Nullable WordingJson label) {}

    record ScaleJson(
            @Nullable String code,
            @NotNull WordingJson title,
            @NotNull List<WordingJson> items,
            @NotNull List<OptionJson> options,
            @NotNull Integer factor,
            @NotNull Integer intervalDays,
            @Nullable Boolean worded) {
        static ScaleJson of(Scale s) {
            return new ScaleJson(
                    s.code(),
                    WordingJson.of(s.title()),
                    s.items().stream().map(WordingJson::of).toList(),
                    s.options().stream()
                            .map(o -> new OptionJson(o.value(), WordingJson.of(o.label())))
                            .toList(),
                    s.factor(),
                    s.intervalDays(),
                    s.worded());
        }
    }

    record DueJson(ScaleJson questionnaire, @Nullable Instant lastAnswered, LocalDate dueOn, boolean dueNow) {
        static DueJson of(Due d) {
            return new DueJson(ScaleJson.of(d.scale()), d.lastAnswered(), d.dueOn(), d.dueNow());
        }
    }

    record ResultJson(UUID id, String code, Instant answeredAt, int raw, int score) {
        static ResultJson of(Result r) {
            return new ResultJson(
                    r.id().value(),
                    r.code(),
                    r.answeredAt(),
                    r.score().raw(),
                    r.score().scaled());
        }
    }
}
