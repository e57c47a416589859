package org.mutuality.relationships.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mutuality.audit.Refusals;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.relationships.DeclareRelationship;
import org.mutuality.relationships.Relationship;
import org.mutuality.relationships.RelationshipCursor;
import org.mutuality.relationships.RelationshipId;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.RelationshipRefused;
import org.mutuality.relationships.RelationshipRegister;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.mutuality.shared.Page;
import org.mutuality.shared.web.Pages;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's relationships: the ones the viewer may see, declaring a new one, ending one. */
@Controller
class RelationshipsController {

    static final String PAGE = "relationships/person-relationships";

    private final RelationshipRegister register;
    private final Directory directory;
    private final Clock clock;
    private final Refusals refusals;
    private final Pages pages;

    RelationshipsController(
            RelationshipRegister register, Directory directory, Clock clock, Refusals refusals, Pages pages) {
        this.register = register;
        this.directory = directory;
        this.clock = clock;
        this.refusals = refusals;
        this.pages = pages;
    }

    /**
     * The register; coming back from a consultation answered "go ahead" ({@code ?consultation=}), with
     * the assignment it was asked about ({@code kind}, {@code personAId}, {@code personBId}), it offers
     * to record that assignment on the consultation. With {@code ?end=} it asks whether to end that
     * relationship, saying what ending does, before anything changes.
     */
    @GetMapping("/people/{id}/relationships")
    String page(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable UUID personAId,
            @RequestParam(required = false) @Nullable UUID personBId,
            @RequestParam(required = false) @Nullable UUID consultation,
            @RequestParam(required = false) @Nullable UUID end,
            @RequestParam(required = false) @Nullable String after,
            Model model) {
        RelationshipCursor cursor = RelationshipCursor.parse(after);
        Person person = directory.visibleTo(user, new PersonId(id));
        Page<Relationship> page = register.read(user, person.id(), cursor, RelationshipRegister.PAGE);
        addModel(user, person, page, model);
        model.addAttribute("after", cursor == null ? null : after);
        if (end != null) {
            page.items().stream()
                    .filter(r -> r.id().value().equals(end) && r.activeOn(LocalDate.now(clock)))
                    .filter(r -> register.mayEnd(user, r))
                    .findFirst()
                    .ifPresent(r -> model.addAttribute("ending", r));
        }
        if (consultation != null && personAId != null && personBId != null && isKind(kind)) {
            Map<String, String> goAhead = form(kind, new PersonId(personAId), new PersonId(personBId), null, null);
            Map<PersonId, String> names = directory.displayNames(user.agencyId());
            goAhead.put("personAName", names.getOrDefault(new PersonId(personAId), ""));
            goAhead.put("personBName", names.getOrDefault(new PersonId(personBId), ""));
            model.addAttribute("goAhead", goAhead);
        }
        return PAGE;
    }

    @PostMapping("/people/{id}/relationships")
    String declare(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable UUID personAId,
            @RequestParam(required = false) @Nullable UUID personBId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
                    LocalDate startDate,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(defaultValue = "false") boolean acknowledge,
            @RequestParam(required = false) @Nullable UUID consultationId,
            Model model,
            RedirectAttributes redirect) {
        Person person = directory.visibleTo(user, new PersonId(id));
        PersonId a = personAId == null ? user.personId() : new PersonId(personAId);
        PersonId b = personBId == null ? person.id() : new PersonId(personBId);
        try {
            register.declare(
                    user,
                    new DeclareRelationship(RelationshipKind.parse(kind), a, b, startDate, null, note, null),
                    acknowledge,
                    consultationId);
            redirect.addFlashAttribute("notice", "relationship.recorded");
            return "redirect:/people/" + id + "/relationships";
        } catch (RelationshipRefused e) {
            model.addAttribute("refusal", e.refusal());
            // What was typed goes back with the acknowledgement, so nothing is lost on the second post.
            model.addAttribute("form", form(kind, a, b, startDate, note));
            if (e.refusal().consultable()) {
                // The consultation leads back here with the assignment, to record it on the advice.
                model.addAttribute("consultBack", "/people/" + id + "/relationships" + query(kind, a, b));
            }
        } catch (IllegalArgumentException | ForbiddenException | ConflictException e) {
            refusals.recordIfRefusal(e);
            pages.problem(model, e);
        } catch (NotFoundException e) {
            if (consultationId == null) {
                model.addAttribute("problem", "relationship.personUnknown");
            } else {
                pages.problem(model, e);
            }
        }
        addModel(user, person, register.page(user, person.id(), null, RelationshipRegister.PAGE), model);
        return PAGE;
    }

    @PostMapping("/relationships/{rid}/end")
    String end(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID rid,
            @RequestParam UUID personId,
            @RequestParam(defaultValue = "false") boolean confirmed,
            RedirectAttributes redirect) {
        String page = "/people/" + personId + "/relationships";
        if (!confirmed) {
            // Ending is never one click: without the confirmation, ask first and change nothing.
            return "redirect:" + page + "?end=" + rid;
        }
        return pages.act(redirect, page, page, () -> {
            // The page says "end it today": a date typed into a forged post is not taken.
            register.end(user, new RelationshipId(rid), LocalDate.now(clock));
            return "relationship.ended";
        });
    }

    private static boolean isKind(@Nullable String kind) {
        return Arrays.stream(RelationshipKind.values()).anyMatch(k -> k.name().equals(kind));
    }

    /** A form's fields as they were typed, to draw it again. */
    private static Map<String, String> form(
            @Nullable String kind, PersonId a, PersonId b, @Nullable LocalDate startDate, @Nullable String note) {
        Map<String, String> form = new java.util.HashMap<>();
        form.put("kind", kind == null ? "" : kind);
        form.put("personAId", a.value().toString());
        form.put("personBId", b.value().toString());
        form.put("startDate", startDate == null ? "" : startDate.toString());
        form.put("note", note == null ? "" : note);
        return form;
    }

    /** The assignment as a query a consultation keeps to come back to (kind names and ids only: safe in a URL). */
    private static String query(@Nullable String kind, PersonId a, PersonId b) {
        return "?kind=" + RelationshipKind.parse(kind).name() + "&personAId=" + a.value() + "&personBId=" + b.value();
    }

    /** The page's model: one page of the register, newest first, and what the viewer may do. */
    private void addModel(SignedInUser user, Person person, Page<Relationship> page, Model model) {
        LocalDate today = LocalDate.now(clock);
        List<Person> everyone = directory.everyone(user.agencyId());
        List<Relationship> relationships = page.items();
        boolean recordsAny = user.has(Role.PRIVACY_LEAD) || user.has(Role.MANAGER) || user.has(Role.SUPERVISOR);
        model.addAttribute("person", person);
        model.addAttribute("relationships", relationships);
        model.addAttribute("next", page.next());
        model.addAttribute(
                "consulted",
                register.consultations(user, person.id(), relationships).entrySet().stream()
                        .collect(Collectors.toMap(e -> e.getKey().value(), Map.Entry::getValue)));
        model.addAttribute(
                "names",
                everyone.stream().collect(Collectors.toMap(p -> p.id().value(), Person::displayName, (x, y) -> x)));
        model.addAttribute("today", today);
        model.addAttribute(
                "endable",
                relationships.stream()
                        .filter(r -> r.activeOn(today) && register.mayEnd(user, r))
                        .map(r -> r.id().value())
                        .collect(Collectors.toSet()));
        model.addAttribute(
                "personalKinds", RelationshipKind.personal().stream().sorted().toList());
        model.addAttribute(
                "allKinds",
                Arrays.stream(RelationshipKind.values())
                        .filter(k -> k.isAssignment()
                                ? user.has(Role.MANAGER) || user.has(Role.SUPERVISOR)
                                : user.has(Role.PRIVACY_LEAD))
                        .toList());
        model.addAttribute("recordsAny", recordsAny && user.isStaff());
        model.addAttribute(
                "people",
                everyone.stream()
                        .filter(Person::active)
                        .sorted(Comparator.comparing(Person::displayName))
                        .map(p -> Map.of("id", p.id().value().toString(), "name", p.displayName()))
                        .toList());
        model.addAttribute("isSelf", user.isSelf(person.id()));
    }
}
