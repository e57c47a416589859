package org.mutuality.support.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.Text;
import org.mutuality.shared.web.Pages;
import org.mutuality.support.InteractionCursor;
import org.mutuality.support.InteractionId;
import org.mutuality.support.InteractionKind;
import org.mutuality.support.Interactions;
import org.mutuality.support.RecordInteraction;
import org.mutuality.support.Topic;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A participant's support record, with the quick-entry form and corrections. */
@Controller
class InteractionsController {

    private final Interactions interactions;
    private final Directory directory;
    private final Clock clock;
    private final Pages pages;

    InteractionsController(Interactions interactions, Directory directory, Clock clock, Pages pages) {
        this.interactions = interactions;
        this.directory = directory;
        this.clock = clock;
        this.pages = pages;
    }

    @GetMapping("/support/participants/{id}")
    String participant(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String after,
            Model model) {
        PersonId person = new PersonId(id);
        InteractionCursor cursor = InteractionCursor.parse(after);
        Interactions.Record record = interactions.read(user, person, cursor, Interactions.PAGE);
        model.addAttribute("shown", record.current());
        model.addAttribute("older", cursor != null);
        model.addAttribute("person", directory.requirePerson(user.agencyId(), person));
        model.addAttribute("record", record);
        model.addAttribute("kinds", InteractionKind.values());
        model.addAttribute("topics", Topic.values());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("names", directory.displayNames(user.agencyId()));
        model.addAttribute("self", user.isSelf(person));
        return "support/participant";
    }

    @PostMapping("/support/participants/{id}/interactions")
    String record(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            InteractionForm form,
            RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "interaction.saved",
                "/support/participants/" + id,
                () -> interactions.record(user, new PersonId(id), form.command()));
    }

    @PostMapping("/support/interactions/{id}/amend")
    String amend(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam UUID participant,
            InteractionForm form,
            RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "interaction.amended",
                "/support/participants/" + participant,
                () -> interactions.amend(user, new InteractionId(id), form.command()));
    }

    /** The interaction form, as typed: recording one and correcting one send the same fields. */
    record InteractionForm(
            @Nullable String kind,
            @Nullable String occurredOn,
            @Nullable String durationMinutes,
            @Nullable String place,
            @Nullable List<String> topics,
            @Nullable Boolean livedExperienceShared,
            @Nullable String note,
            @Nullable String nextMeeting) {

        RecordInteraction command() {
            return new RecordInteraction(
                    Text.choice("kind", kind, InteractionKind.class),
                    Forms.date(occurredOn, "occurredOn"),
                    Forms.integer(durationMinutes, "durationMinutes"),
                    Text.trimmed(place),
                    Text.choices("topics", topics, Topic.class),
                    Boolean.TRUE.equals(livedExperienceShared),
                    Text.trimmed(note),
                    Forms.dateTime(nextMeeting, "nextMeeting"));
        }
    }
}
