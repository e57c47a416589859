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
import org.mutuality.relationships.RelationshipId;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.RelationshipRefused;
import org.mutuality.relationships.RelationshipRegister;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
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

    @GetMapping("/people/{id}/relationships")
    String page(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
        Person person = directory.visibleTo(user, new PersonId(id));
        addModel(user, person, register.read(user, person.id()), model);
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
            Model model,
            RedirectAttributes redirect) {
        Person person = directory.visibleTo(user, new PersonId(id));
        PersonId a = personAId == null ? user.personId() : new PersonId(personAId);
        PersonId b = personBId == null ? person.id() : new PersonId(personBId);
        try {
            register.declare(
                    user,
                    new DeclareRelationship(RelationshipKind.parse(kind), a, b, startDate, null, note, null),
                    acknowledge);
            redirect.addFlashAttribute("notice", "relationship.recorded");
            return "redirect:/people/" + id + "/relationships";
        } catch (RelationshipRefused e) {
            model.addAttribute("refusal", e.refusal());
            // What was typed goes back with the acknowledgement, so nothing is lost on the second post.
            Map<String, String> form = new java.util.HashMap<>();
            form.put("kind", kind);
            form.put("personAId", a.value().toString());
            form.put("personBId", b.value().toString());
            form.put("startDate", startDate == null ? "" : startDate.toString());
            form.put("note", note == null ? "" : note);
            model.addAttribute("form", form);
        } catch (IllegalArgumentException | ForbiddenException e) {
            refusals.recordIfRefusal(e);
            pages.problem(model, e);
        } catch (NotFoundException e) {
            model.addAttribute("problem", "relationship.personUnknown");
        }
        addModel(user, person, register.of(user, person.id()), model);
        return PAGE;
    }

    @PostMapping("/relationships/{rid}/end")
    String end(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID rid,
            @RequestParam UUID personId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate endDate,
            RedirectAttributes redirect) {
        String page = "/people/" + personId + "/relationships";
        return pages.act(redirect, page, page, () -> {
            register.end(user, new RelationshipId(rid), endDate == null ? LocalDate.now(clock) : endDate);
            return "relationship.ended";
        });
    }

    private void addModel(SignedInUser user, Person person, List<Relationship> visible, Model model) {
        LocalDate today = LocalDate.now(clock);
        List<Person> everyone = directory.everyone(user.agencyId());
        List<Relationship> relationships = visible.stream()
                .sorted(Comparator.comparing((Relationship r) -> !r.activeOn(today))
                        .thenComparing(r -> r.kind().name()))
                .toList();
        boolean recordsAny = user.has(Role.PRIVACY_LEAD) || user.has(Role.MANAGER) || user.has(Role.SUPERVISOR);
        model.addAttribute("person", person);
        model.addAttribute("relationships", relationships);
        model.addAttribute(
                "names",
                everyone.stream().collect(Collectors.toMap(p -> p.id().value(), Person::displayName, (x, y) -> x)));
        model.addAttribute("today", today);
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
