package org.mutuality.voice.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.Text;
import org.mutuality.voice.CrisisPlan;
import org.mutuality.voice.CrisisSection;
import org.mutuality.voice.Goal;
import org.mutuality.voice.GoalId;
import org.mutuality.voice.LifeArea;
import org.mutuality.voice.RecoveryPlan;
import org.mutuality.voice.Step;
import org.mutuality.voice.StepSuggestion;

/** The JSON shapes of the voice API, in and out, and how a body becomes goals and sections. */
final class VoiceJson {

    private VoiceJson() {}

    /** One step as the participant writes it. */
    record StepIn(
            @Nullable String text,
            @Nullable String whoHelps,
            @Nullable LocalDate due,
            @Nullable Boolean done) {}

    /** One goal: its id to keep (null for a new goal), area, words, date and steps. */
    record GoalIn(
            @Nullable UUID id,
            @Nullable String area,
            @Nullable String words,
            @Nullable LocalDate target,
            @Nullable List<StepIn> steps) {}

    /** The whole plan: a goal left out is removed (it stays in the earlier versions). */
    record RecoveryPlanIn(
            @Nullable Integer version, @Nullable List<GoalIn> goals) {}

    record SuggestionIn(
            @Nullable UUID goalId,
            @Nullable String text,
            @Nullable String whoHelps,
            @Nullable LocalDate due) {}

    /** The whole crisis plan: its sections by name, and the ids of the people it is shared with. */
    record CrisisPlanIn(
            @Nullable Integer version,
            @Nullable Map<String, String> sections,
            @Nullable List<UUID> sharedWith) {}

    record StepOut(
            String text,
            @Nullable String whoHelps,
            @Nullable LocalDate due,
            boolean done,
            @Nullable UUID suggestedBy) {
        static StepOut of(Step s) {
            return new StepOut(
                    s.text(),
                    s.whoHelps(),
                    s.due(),
                    s.done(),
                    s.suggestedBy() == null ? null : s.suggestedBy().value());
        }
    }

    record GoalOut(
            UUID id, LifeArea area, String words, @Nullable LocalDate target, List<StepOut> steps) {
        static GoalOut of(Goal g) {
            return new GoalOut(
                    g.id().value(),
                    g.area(),
                    g.words(),
                    g.target(),
                    g.steps().stream().map(StepOut::of).toList());
        }
    }

    record SuggestionOut(
            UUID id, UUID goalId, StepOut step, UUID suggestedBy, Instant suggestedAt, StepSuggestion.Status status) {
        static SuggestionOut of(StepSuggestion s) {
            return new SuggestionOut(
                    s.id().value(),
                    s.goal().value(),
                    StepOut.of(s.step()),
                    s.suggestedBy().value(),
                    s.suggestedAt(),
                    s.status());
        }
    }

    record RecoveryPlanOut(
            UUID personId,
            int version,
            RecoveryPlan.Change change,
            @Nullable Instant writtenAt,
            List<GoalOut> goals,
            List<SuggestionOut> waiting) {
        static RecoveryPlanOut of(RecoveryPlan p, List<StepSuggestion> waiting) {
            return new RecoveryPlanOut(
                    p.person().value(),
                    p.version(),
                    p.change(),
                    p.writtenAt(),
                    p.goals().stream().map(GoalOut::of).toList(),
                    waiting.stream().map(SuggestionOut::of).toList());
        }
    }

    record CrisisPlanOut(
            UUID personId,
            int version,
            @Nullable Instant writtenAt,
            Map<CrisisSection, String> sections,
            List<UUID> sharedWith) {
        static CrisisPlanOut of(CrisisPlan p, boolean owner) {
            return new CrisisPlanOut(
                    p.person().value(),
                    p.version(),
                    p.writtenAt(),
                    new EnumMap<>(p.sections().isEmpty() ? Map.of() : p.sections()),
                    owner ? p.sharedWith().stream().map(PersonId::value).toList() : List.of());
        }
    }

    /**
     * The goals a body names.
     *
     * @throws BadInputException naming the first field that is missing or wrong
     */
    static List<Goal> goals(@Nullable List<GoalIn> in) {
        if (in == null) {
            throw new BadInputException("text.required", Explanation.field("goals"));
        }
        List<Goal> goals = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            String field = "goals[" + i + "]";
            GoalIn g = in.get(i);
            if (g == null) {
                throw new BadInputException("text.required", Explanation.field(field));
            }
            List<Step> steps = new ArrayList<>();
            List<StepIn> stepsIn = g.steps() == null ? List.of() : g.steps();
            for (int j = 0; j < stepsIn.size(); j++) {
                StepIn s = stepsIn.get(j);
                if (s == null) {
                    throw new BadInputException("text.required", Explanation.field(field + ".steps[" + j + "]"));
                }
                steps.add(Step.write(
                        field + ".steps[" + j + "]",
                        s.text(),
                        s.whoHelps(),
                        s.due(),
                        Boolean.TRUE.equals(s.done()),
                        null));
            }
            LifeArea area = g.area() == null ? null : Text.choice(field + ".area", g.area(), LifeArea.class);
            goals.add(Goal.write(
                    field, g.id() == null ? GoalId.random() : new GoalId(g.id()), area, g.words(), g.target(), steps));
        }
        return goals;
    }

    /**
     * The sections a body names; blank ones are left out.
     *
     * @throws BadInputException for a section that does not exist, or a text too long
     */
    static Map<CrisisSection, String> sections(@Nullable Map<String, String> in) {
        if (in == null) {
            throw new BadInputException("text.required", Explanation.field("sections"));
        }
        Map<CrisisSection, String> sections = new EnumMap<>(CrisisSection.class);
        for (Map.Entry<String, String> e : in.entrySet()) {
            CrisisSection section = Text.choice("sections", e.getKey(), CrisisSection.class);
            String text = Text.optional("sections." + section.name(), e.getValue(), Text.Limit.MESSAGE);
            if (text != null) {
                sections.put(section, text);
            }
        }
        return sections;
    }

    static List<PersonId> people(@Nullable List<UUID> ids) {
        List<PersonId> people = new ArrayList<>();
        for (UUID id : ids == null ? List.<UUID>of() : ids) {
            if (id == null) {
                throw new BadInputException("text.required", Explanation.field("sharedWith"));
            }
            people.add(new PersonId(id));
        }
        return people;
    }
}
