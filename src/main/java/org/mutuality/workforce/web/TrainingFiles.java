package org.mutuality.workforce.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Role;
import org.mutuality.shared.Csv;
import org.mutuality.workforce.Certificate;
import org.mutuality.workforce.ComplianceRow;
import org.mutuality.workforce.Requirement;
import org.mutuality.workforce.Training;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the training pages and the API share: a training's name in the reader's language, the
 * compliance report as JSON lines or CSV, a certificate taken from an upload, and files to download
 * (never cached on the way, always as an attachment).
 */
@Component("trainingFiles")
public class TrainingFiles {

    private final MessageSource messages;

    TrainingFiles(MessageSource messages) {
        this.messages = messages;
    }

    /** The name of an entry as the reader reads it: a shipped one in their language, the agency's as typed. */
    public String name(Training t) {
        return t.shipped() != null
                ? messages.getMessage(t.shipped().messageKey(), null, locale())
                : String.valueOf(t.name());
    }

    /** What a requirement is about: the training's name, or the certification's body. */
    public String item(Requirement r) {
        if (r.training() != null) {
            return name(r.training());
        }
        return r.certification() == null ? "" : r.certification().body();
    }

    TrainingApi.TrainingJson json(Training t) {
        return new TrainingApi.TrainingJson(
                t.id().value(),
                t.shipped() == null ? null : t.shipped().name(),
                name(t),
                t.requiredFor().stream().map(Role::name).sorted().toList(),
                t.renewEveryMonths(),
                t.version());
    }

    TrainingApi.ComplianceJson json(ComplianceRow row) {
        Requirement r = row.requirement();
        return new TrainingApi.ComplianceJson(
                row.person().value(),
                row.name(),
                row.roles().stream().map(Role::name).sorted().toList(),
                row.programs(),
                item(r),
                r.standing().name(),
                r.completedOn(),
                r.expiresOn());
    }

    /** The report as CSV, in the reader's language, a header row first. */
    String csv(List<ComplianceRow> rows) {
        StringBuilder out = new StringBuilder();
        Csv.row(
                out,
                List.of(
                        text("training.csv.person"),
                        text("training.csv.roles"),
                        text("training.csv.programs"),
                        text("training.csv.item"),
                        text("training.csv.standing"),
                        text("training.csv.completedOn"),
                        text("training.csv.expiresOn")));
        for (ComplianceRow row : rows) {
            Requirement r = row.requirement();
            List<String> roles = new ArrayList<>();
            row.roles().stream().sorted().forEach(role -> roles.add(text("role." + role.name())));
            Csv.row(
                    out,
                    List.of(
                            row.name(),
                            String.join("; ", roles),
                            String.join("; ", row.programs()),
                            item(r),
                            text("training.standing." + r.standing().name()),
                            r.completedOn() == null ? "" : r.completedOn().toString(),
                            r.expiresOn() == null ? "" : r.expiresOn().toString()));
        }
        return out.toString();
    }

    /**
     * The certificate of an upload, or null when the form's file field was left empty. Its type is
     * read from its content ({@link Certificate#of}), never from its name or declared type.
     */
    static @Nullable Certificate optionalCertificate(@Nullable MultipartFile file) throws IOException {
        if (file == null
                || (file.isEmpty()
                        && (file.getOriginalFilename() == null
                                || file.getOriginalFilename().isEmpty()))) {
            return null;
        }
        return certificate(file);
    }

    /** The certificate of an upload, checked ({@link Certificate#of}). */
    static Certificate certificate(MultipartFile file) throws IOException {
        Certificate.checkSize(file.getSize());
        return Certificate.of(file.getBytes());
    }

    static ResponseEntity<byte[]> download(Certificate certificate, UUID record) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(certificate.type().mediaType()))
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("certificate-" + record + "."
                                        + certificate.type().extension())
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(certificate.content());
    }

    static ResponseEntity<byte[]> csv(byte[] body) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("training-compliance.csv")
                                .build()
                                .toString())
                .body(body);
    }

    private String text(String key) {
        return messages.getMessage(key, null, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
