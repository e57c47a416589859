package org.mutuality.workforce.web;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Directory;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.Csv;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.web.Pages;
import org.mutuality.workforce.AttestationReport;
import org.mutuality.workforce.CodeOfConduct;
import org.mutuality.workforce.ConductText;
import org.mutuality.workforce.ConductVersion;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The code of conduct: reading any version, publishing a new one (privacy lead or manager), the
 * attestation page that {@link AttestationWall} sends staff to, and the report of who has not
 * attested yet.
 */
@Controller
class CodeOfConductController {

    static final String PAGE = "workforce/conduct";
    static final String EDIT = "workforce/conduct-edit";
    static final String ATTEST = "workforce/conduct-attest";
    static final String REPORT = "workforce/conduct-report";

    private final CodeOfConduct code;
    private final Directory directory;
    private final Pages pages;

    CodeOfConductController(CodeOfConduct code, Directory directory, Pages pages) {
        this.code = code;
        this.directory = directory;
        this.pages = pages;
    }

    @GetMapping("/code-of-conduct")
    String page(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable Integer version,
            Locale locale,
            Model model) {
        ConductVersion shown = version == null ? code.current(user) : code.version(user, version);
        addVersion(model, shown, locale);
        model.addAttribute("versions", code.versions(user));
        model.addAttribute("names", directory.displayNames(user.agencyId()));
        model.addAttribute("status", code.status(user));
        model.addAttribute("mayPublish", code.mayPublish(user));
        return PAGE;
    }

    @GetMapping("/code-of-conduct/edit")
    String edit(@AuthenticationPrincipal SignedInUser user, Model model) {
        requirePublisher(user);
        ConductVersion current = code.current(user);
        model.addAttribute("current", current);
        if (!model.containsAttribute("formEn")) {
            model.addAttribute("formEn", current.text().en());
            model.addAttribute("formFr", current.text().fr());
        }
        return EDIT;
    }

    /** On a refusal the form comes back with what was typed. */
    @PostMapping("/code-of-conduct")
    String publish(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String en,
            @RequestParam(defaultValue = "") String fr,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        requirePublisher(user);
        return pages.act(
                redirect,
                "/code-of-conduct",
                "/code-of-conduct/edit",
                Map.of("formEn", en, "formFr", fr, "formReason", reason),
                () -> {
                    code.publish(user, new ConductText(en, fr), reason);
                    return "conduct.publishedNotice";
                });
    }

    @GetMapping("/code-of-conduct/attest")
    String attestPage(@AuthenticationPrincipal SignedInUser user, Locale locale, Model model) {
        addVersion(model, code.current(user), locale);
        model.addAttribute("status", code.status(user));
        return ATTEST;
    }

    /** Once attested, the person goes on to their home page. */
    @PostMapping("/code-of-conduct/attest")
    String attest(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "0") int version,
            RedirectAttributes redirect) {
        return pages.act(redirect, "/", "/code-of-conduct/attest", () -> {
            code.attest(user, version);
            return "conduct.attested";
        });
    }

    @GetMapping("/code-of-conduct/attestations")
    String report(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("report", code.report(user));
        return REPORT;
    }

    /** The report as CSV: name, latest version attested, when, and whether it is the current one. */
    @GetMapping("/code-of-conduct/attestations.csv")
    ResponseEntity<byte[]> csv(@AuthenticationPrincipal SignedInUser user) {
        AttestationReport report = code.report(user);
        StringBuilder out = new StringBuilder();
        Csv.row(out, List.of("name", "attested_version", "attested_at", "current_version", "attested_current"));
        for (AttestationReport.Row r : report.rows()) {
            Csv.row(
                    out,
                    List.of(
                            r.name(),
                            r.attestedVersion() == null
                                    ? ""
                                    : r.attestedVersion().toString(),
                            r.attestedAt() == null
                                    ? ""
                                    : r.attestedAt().atOffset(ZoneOffset.UTC).toString(),
                            Integer.toString(report.currentVersion()),
                            Boolean.toString(r.attestedCurrent(report.currentVersion()))));
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"code-of-conduct-attestations.csv\"")
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void requirePublisher(SignedInUser user) {
        if (!code.mayPublish(user)) {
            throw new ForbiddenException("conduct.publishersOnly");
        }
    }

    private static void addVersion(Model model, ConductVersion version, Locale locale) {
        model.addAttribute("version", version);
        model.addAttribute("html", SafeMarkdown.html(version.text().in(locale)));
        model.addAttribute("textLang", "fr".equals(locale.getLanguage()) ? "fr" : "en");
    }
}
