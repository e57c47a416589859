package org.mutuality.workforce.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.ProgramId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.Text;
import org.mutuality.workforce.Certification;
import org.mutuality.workforce.Certify;
import org.mutuality.workforce.CompleteTraining;
import org.mutuality.workforce.ComplianceRow;
import org.mutuality.workforce.Requirement;
import org.mutuality.workforce.Training;
import org.mutuality.workforce.TrainingFile;
import org.mutuality.workforce.TrainingId;
import org.mutuality.workforce.TrainingRecord;
import org.mutuality.workforce.TrainingRecordId;
import org.mutuality.workforce.Trainings;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Training and certification under {@code /api/v1}: the catalogue ({@code /trainings}), a person's
 * file ({@code /people/{id}/trainings}, {@code /people/{id}/certifications}), a record's certificate
 * (uploaded separately, as {@code multipart/form-data} with one part named {@code file}), and the
 * compliance report ({@code /compliance}, JSON, or CSV for {@code Accept: text/csv} or
 * {@code ?format=csv}).
 */
@RestController
class TrainingApi {

    private final Trainings trainings;
    private final TrainingFiles files;

    TrainingApi(Trainings trainings, TrainingFiles files) {
        this.trainings = trainings;
        this.files = files;
    }

    @GetMapping("/api/v1/trainings")
    List<TrainingJson> catalogue(@AuthenticationPrincipal SignedInUser user) {
        return trainings.catalogue(user).stream().map(files::json).toList();
    }

    @PostMapping("/api/v1/trainings")
    ResponseEntity<TrainingJson> define(
            @AuthenticationPrincipal SignedInUser user, @Valid @RequestBody DefineBody body) {
        Training t = trainings.define(user, body.name(), roles(body.requiredFor()), body.renewEveryMonths());
        return ResponseEntity.created(URI.create("/api/v1/trainings/" + t.id())).body(files.json(t));
    }

    /** Sets what an entry is required of and how often it is renewed. */
    @PutMapping("/api/v1/trainings/{id}")
    TrainingJson require(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody RequireBody body) {
        return files.json(trainings.require(
                user, new TrainingId(id), roles(body.requiredFor()), body.renewEveryMonths(), body.version()));
    }

    @GetMapping("/api/v1/people/{id}/trainings")
    FileJson file(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        return FileJson.of(trainings.fileOf(user, new PersonId(id)));
    }

    /** Records a training; its certificate is uploaded afterwards to {@code .../{recordId}/certificate}. */
    @PostMapping("/api/v1/people/{id}/trainings")
    ResponseEntity<RecordJson> record(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @Valid @RequestBody TrainingRecordBody body) {
        TrainingRecord r = trainings.record(
                user,
                new PersonId(id),
                new CompleteTraining(
                        new TrainingId(body.trainingId()),
                        body.completedOn(),
                        body.provider(),
                        body.hours(),
                        body.expiresOn()),
                null);
        return ResponseEntity.created(URI.create("/api/v1/people/" + id + "/trainings/" + r.id()))
                .body(RecordJson.of(r));
    }

    /** Uploads (or replaces) a record's certificate: a PDF, PNG or JPEG file of at most 5 MB. */
    @PutMapping("/api/v1/people/{id}/trainings/{recordId}/certificate")
    RecordJson attach(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable UUID id,
            @PathVariable UUID recordId,
            @RequestParam(value = "file", required = false) @Nullable MultipartFile file)
            throws IOException {
        return RecordJson.of(trainings.attach(
                user,
                new PersonId(id),
                new TrainingRecordId(recordId),
                file == null ? null : TrainingFiles.certificate(file)));
    }

    @GetMapping("/api/v1/people/{id}/trainings/{recordId}/certificate")
    ResponseEntity<byte[]> certificate(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @PathVariable UUID recordId) {
        return TrainingFiles.download(
                trainings.certificate(user, new PersonId(id), new TrainingRecordId(recordId)), recordId);
    }

    @PostMapping("/api/v1/people/{id}/certifications")
    ResponseEntity<CertificationJson> certify(
            @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @Valid @RequestBody CertifyBody body) {
        Certification c = trainings.certify(
                user, new PersonId(id), new Certify(body.body(), body.number(), body.issuedOn(), body.expiresOn()));
        return ResponseEntity.created(URI.create("/api/v1/people/" + id + "/trainings"))
                .body(CertificationJson.of(c));
    }

    /**
     * Who is due or overdue, for managers and the privacy lead: JSON, or CSV for {@code Accept:
     * text/csv} or {@code ?format=csv}. {@code all=true} lists what is current too.
     */
    @GetMapping("/api/v1/compliance")
    ResponseEntity<?> compliance(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable String role,
            @RequestParam(required = false) @Nullable UUID programId,
            @RequestParam(defaultValue = "false") boolean all,
            @RequestParam(required = false) @Nullable String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        List<ComplianceRow> rows = trainings.compliance(
                user,
                role == null || role.isBlank() ? null : Text.choice("role", role, Role.class),
                programId == null ? null : new ProgramId(programId),
                !all);
        boolean csv = "csv".equalsIgnoreCase(format) || (accept != null && accept.contains("text/csv"));
        if (csv) {
            return TrainingFiles.csv(files.csv(rows).getBytes(StandardCharsets.UTF_8));
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(rows.stream().map(files::json).toList());
    }

    private static Set<Role> roles(@Nullable List<String> names) {
        return Text.choices("requiredFor", names, Role.class);
    }

    record DefineBody(
            @NotNull String name,
            @Nullable List<@NotNull String> requiredFor,
            @Nullable Integer renewEveryMonths) {}

    record RequireBody(
            @Nullable List<@NotNull String> requiredFor,
            @Nullable Integer renewEveryMonths,
            @NotNull Integer version) {}

    record TrainingRecordBody(
            @NotNull UUID trainingId,
            @NotNull LocalDate completedOn,
            @NotNull String provider,
            @NotNull BigDecimal hours,
            @Nullable LocalDate expiresOn) {}

    record CertifyBody(
            @NotNull String body,
            @NotNull String number,
            @NotNull LocalDate issuedOn,
            @Nullable LocalDate expiresOn) {}

    /** An entry of the catalogue; {@code shippedKey} is set for the entries Mutuality ships. */
    record TrainingJson(
            UUID id,
            @Nullable String shippedKey,
            String name,
            List<String> requiredFor,
            @Nullable Integer renewEveryMonths,
            int version) {}

    record RecordJson(
            UUID id,
            UUID personId,
            UUID trainingId,
            LocalDate completedOn,
            String provider,
            BigDecimal hours,
            @Nullable LocalDate expiresOn,
            @Nullable String certificate) {
        static RecordJson of(TrainingRecord r) {
            return new RecordJson(
                    r.id().value(),
                    r.person().value(),
                    r.training().value(),
                    r.completedOn(),
                    r.provider(),
                    r.hours(),
                    r.expiresOn(),
                    r.certificate() == null ? null : r.certificate().mediaType());
        }
    }

    record CertificationJson(
            UUID id,
            UUID personId,
            String body,
            String number,
            LocalDate issuedOn,
            @Nullable LocalDate expiresOn) {
        static CertificationJson of(Certification c) {
            return new CertificationJson(
                    c.id().value(), c.person().value(), c.body(), c.number(), c.issuedOn(), c.expiresOn());
        }
    }

    /** One requirement: a training of the catalogue or a certification, and where it stands. */
    record RequirementJson(
            @Nullable UUID trainingId,
            @Nullable UUID certificationId,
            String standing,
            @Nullable LocalDate completedOn,
            @Nullable LocalDate expiresOn) {
        static RequirementJson of(Requirement r) {
            return new RequirementJson(
                    r.training() == null ? null : r.training().id().value(),
                    r.certification() == null ? null : r.certification().id().value(),
                    r.standing().name(),
                    r.completedOn(),
                    r.expiresOn());
        }
    }

    record FileJson(
            UUID personId,
            List<RequirementJson> requirements,
            List<RecordJson> trainings,
            List<CertificationJson> certifications) {
        static FileJson of(TrainingFile f) {
            return new FileJson(
                    f.person().value(),
                    f.requirements().stream().map(RequirementJson::of).toList(),
                    f.records().stream().map(RecordJson::of).toList(),
                    f.certifications().stream().map(CertificationJson::of).toList());
        }
    }

    /** One line of the compliance report. */
    record ComplianceJson(
            UUID personId,
            String name,
            List<String> roles,
            List<String> programs,
            String item,
            String standing,
            @Nullable LocalDate completedOn,
            @Nullable LocalDate expiresOn) {}
}
