package org.mutuality.workforce.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.ProgramId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.Text;
import org.mutuality.shared.web.Pages;
import org.mutuality.workforce.Certificate;
import org.mutuality.workforce.Certify;
import org.mutuality.workforce.CompleteTraining;
import org.mutuality.workforce.ComplianceRow;
import org.mutuality.workforce.Training;
import org.mutuality.workforce.TrainingFile;
import org.mutuality.workforce.TrainingId;
import org.mutuality.workforce.TrainingRecordId;
import org.mutuality.workforce.Trainings;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Training pages: "My training" and a person's training file (records, certifications, certificates,
 * what their roles require), the catalogue, and the compliance report with its CSV export.
 */
@Controller
class TrainingController {

    static final String FILE = "workforce/training";
    static final String CATALOGUE = "workforce/training-catalogue";
    static final String COMPLIANCE = "workforce/training-compliance";

    private final Trainings trainings;
    private final TrainingFiles files;
    private final Directory directory;
    private final Clock clock;
    private final Pages pages;

    TrainingController(Trainings trainings, TrainingFiles files, Directory directory, Clock clock, Pages pages) {
        this.trainings = trainings;
        this.files = files;
        this.directory = directory;
        this.clock = clock;
        this.pages = pages;
    }

    @GetMapping("/training")
    String mine(@AuthenticationPrincipal SignedInUser user, Model model) {
        return file(user, user.personId(), model);
    }

    @GetMapping("/people/{id}/training")
    String theirs(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
        return file(user, new PersonId(id), model);
    }

    /** Records a training, with its certificate when a file is chosen (checked before anything is saved). */
    @PostMapping("/people/{id}/training/records")
    String record(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable UUID trainingId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
                    LocalDate completedOn,
            @RequestParam(defaultValue = "") String provider,
            @RequestParam(required = false) @Nullable String hours,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
                    LocalDate expiresOn,
            @RequestParam(required = false) @Nullable MultipartFile certificate,
            RedirectAttributes redirect) {
        PersonId person = new PersonId(id);
        String back = back(user, person);
        return pages.act(redirect, back, back, () -> {
            CompleteTraining done = CompleteTraining.typed(
                    trainingId == null ? null : new TrainingId(trainingId), completedOn, provider, hours, expiresOn);
            trainings.record(user, person, done, upload(certificate));
            return "training.recorded";
        });
    }

    @PostMapping("/people/{id}/training/records/{recordId}/certificate")
    String attach(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @PathVariable UUID recordId,
            @RequestParam(required = false) @Nullable MultipartFile certificate,
            RedirectAttributes redirect) {
        PersonId person = new PersonId(id);
        String back = back(user, person);
        return pages.act(redirect, back, back, () -> {
            trainings.attach(user, person, new TrainingRecordId(recordId), upload(certificate));
            return "training.certificateAttached";
        });
    }

    @GetMapping("/people/{id}/training/records/{recordId}/certificate")
    ResponseEntity<byte[]> certificate(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @PathVariable UUID recordId) {
        return TrainingFiles.download(
                trainings.certificate(user, new PersonId(id), new TrainingRecordId(recordId)), recordId);
    }

    @PostMapping("/people/{id}/training/certifications")
    String certify(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "") String number,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate issuedOn,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
                    LocalDate expiresOn,
            RedirectAttributes redirect) {
        PersonId person = new PersonId(id);
        String back = back(user, person);
        return pages.act(redirect, back, back, () -> {
            trainings.certify(user, person, Certify.typed(body, number, issuedOn, expiresOn));
            return "training.certified";
        });
    }

    @GetMapping("/training/catalogue")
    String catalogue(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("catalogue", trainings.catalogue(user));
        model.addAttribute("mayChange", trainings.keepsCatalogue(user));
        model.addAttribute("roles", Role.staffRoles().stream().sorted().toList());
        model.addAttribute("maxMonths", Training.MAX_RENEWAL_MONTHS);
        return CATALOGUE;
    }

    @PostMapping("/training/catalogue")
    String define(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) @Nullable List<String> requiredFor,
            @RequestParam(defaultValue = "") String renewEveryMonths,
            RedirectAttributes redirect) {
        return pages.act(redirect, "/training/catalogue", "/training/catalogue", () -> {
            trainings.define(user, name, roles(requiredFor), months(renewEveryMonths));
            return "training.defined";
        });
    }

    @PostMapping("/training/catalogue/{trainingId}")
    String require(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID trainingId,
            @RequestParam(required = false) @Nullable List<String> requiredFor,
            @RequestParam(defaultValue = "") String renewEveryMonths,
            @RequestParam(defaultValue = "0") int version,
            RedirectAttributes redirect) {
        return pages.act(redirect, "/training/catalogue", "/training/catalogue", () -> {
            trainings.require(user, new TrainingId(trainingId), roles(requiredFor), months(renewEveryMonths), version);
            return "training.requirementsSaved";
        });
    }

    @GetMapping("/training/compliance")
    String compliance(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable String role,
            @RequestParam(required = false) @Nullable UUID programId,
            @RequestParam(defaultValue = "false") boolean all,
            Model model) {
        model.addAttribute("rows", report(user, role, programId, all));
        model.addAttribute("roles", Role.staffRoles().stream().sorted().toList());
        model.addAttribute("programs", directory.programs(user.agencyId()));
        model.addAttribute("role", role == null ? "" : role);
        model.addAttribute("programId", programId);
        model.addAttribute("all", all);
        return COMPLIANCE;
    }

    @GetMapping("/training/compliance.csv")
    ResponseEntity<byte[]> complianceCsv(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable String role,
            @RequestParam(required = false) @Nullable UUID programId,
            @RequestParam(defaultValue = "false") boolean all) {
        return TrainingFiles.csv(files.csv(report(user, role, programId, all)).getBytes(StandardCharsets.UTF_8));
    }

    private List<ComplianceRow> report(
            SignedInUser user, @Nullable String role, @Nullable UUID programId, boolean all) {
        return trainings.compliance(
                user,
                role == null || role.isBlank() ? null : Text.choice("role", role, Role.class),
                programId == null ? null : new ProgramId(programId),
                !all);
    }

    private String file(SignedInUser user, PersonId person, Model model) {
        TrainingFile file = trainings.fileOf(user, person);
        model.addAttribute("file", file);
        model.addAttribute("mine", user.isSelf(person));
        model.addAttribute("catalogue", file.mayRecord() && user.isStaff() ? trainings.catalogue(user) : List.of());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("keepsCatalogue", trainings.keepsCatalogue(user));
        model.addAttribute("seesCompliance", trainings.seesCompliance(user));
        model.addAttribute("names", directory.displayNames(user.agencyId()));
        model.addAttribute("action", "/people/" + person.value() + "/training");
        return FILE;
    }

    private static String back(SignedInUser user, PersonId person) {
        return user.isSelf(person) ? "/training" : "/people/" + person.value() + "/training";
    }

    private static @Nullable Certificate upload(@Nullable MultipartFile file) {
        try {
            return TrainingFiles.optionalCertificate(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<Role> roles(@Nullable List<String> names) {
        return Text.choices("requiredFor", names, Role.class);
    }

    private static @Nullable Integer months(String value) {
        String v = Text.trimmed(value);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new BadInputException("training.wholeMonths", Explanation.field("renewEveryMonths"));
        }
    }
}
