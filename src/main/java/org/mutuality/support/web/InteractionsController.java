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

    /** How many contacts the page shows before "show all". */
    static final int PAGE = 30;

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
            @RequestParam(defaultValue = "false") boolean all,
            Model model) {
        PersonId person = new PersonId(id);
        Interactions.Record record = interactions.read(user, person);
        List<?> current = record.current();
        model.addAttribute("shown", all ? current : current.subList(0, Math.min(PAGE, current.size())));
        model.addAttribute("all", all);
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
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(required = false) @Nullable String occurredOn,
            @RequestParam(defaultValue = "") String durationMinutes,
            @RequestParam(defaultValue = "") String place,
            @RequestParam(required = false) @Nullable List<String> topics,
            @RequestParam(defaultValue = "false") boolean livedExperienceShared,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(required = false) @Nullable String nextMeeting,
            RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "interaction.saved",
                "/support/participants/" + id,
                () -> interactions.record(
                        user,
                        new PersonId(id),
                        command(
                                kind,
                                occurredOn,
                                durationMinutes,
                                place,
                                topics,
                                livedExperienceShared,
                                note,
                                nextMeeting)));
    }

    @PostMapping("/support/interactions/{id}/amend")
    String amend(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam UUID participant,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(required = false) @Nullable String occurredOn,
            @RequestParam(defaultValue = "") String durationMinutes,
            @RequestParam(defaultValue = "") String place,
            @RequestParam(required = false) @Nullable List<String> topics,
            @RequestParam(defaultValue = "false") boolean livedExperienceShared,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(required = false) @Nullable String nextMeeting,
            RedirectAttributes redirect) {
        return pages.act(
                redirect,
                "interaction.amended",
                "/support/participants/" + participant,
                () -> interactions.amend(
                        user,
                        new InteractionId(id),
                        command(
                                kind,
                                occurredOn,
                                durationMinutes,
                                place,
                                topics,
                                livedExperienceShared,
                                note,
                                nextMeeting)));
    }

    private static RecordInteraction command(
            String kind,
            @Nullable String occurredOn,
            String durationMinutes,
            String place,
            @Nullable List<String> topics,
            boolean shared,
            String note,
            @Nullable String nextMeeting) {
        return new RecordInteraction(
                Text.choice("kind", kind, InteractionKind.class),
                Forms.date(occurredOn, "occurredOn"),
                Forms.integer(durationMinutes, "durationMinutes"),
                place,
                Text.choices("topics", topics, Topic.class),
                shared,
                note,
                Forms.dateTime(nextMeeting, "nextMeeting"));
    }
}
