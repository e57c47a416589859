package org.mutuality.conflicts.web;

import java.nio.charset.StandardCharsets;
import org.mutuality.conflicts.ConflictCheck;
import org.mutuality.conflicts.ScanReport;
import org.mutuality.directory.SignedInUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The privacy lead's agency scan: a page, and the same as a CSV download. */
@Controller
class ScanController {

    static final String PAGE = "conflicts/scan";

    private final ConflictCheck check;

    ScanController(ConflictCheck check) {
        this.check = check;
    }

    @GetMapping("/conflicts/scan")
    String page(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("report", check.scan(user));
        return PAGE;
    }

    @GetMapping("/conflicts/scan.csv")
    ResponseEntity<byte[]> csv(@AuthenticationPrincipal SignedInUser user) {
        return csvResponse(check.scan(user));
    }

    static ResponseEntity<byte[]> csvResponse(ScanReport report) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"conflict-scan-" + report.day() + ".csv\"")
                .body(ScanCsv.write(report).getBytes(StandardCharsets.UTF_8));
    }
}
