package org.mutuality.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.audit.AuditAction;
import org.mutuality.audit.AuditCursor;
import org.mutuality.audit.AuditEntry;
import org.mutuality.audit.AuditEvent;
import org.mutuality.audit.AuditLog;
import org.mutuality.audit.AuditOutcome;
import org.mutuality.audit.AuditTree;
import org.mutuality.audit.PersonNames;
import org.mutuality.audit.ProofFormat;
import org.mutuality.shared.Actor;
import org.mutuality.shared.AgencyZones;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** "Who looked at my record" for everyone, and the audit log page of the privacy lead. */
@Controller
class AuditController {

    static final String MINE = "audit/access-log";
    static final String LOG = "audit/log";

    /** Entries on one page of a person's access log. */
    static final int PAGE = 50;

    /** Entries on one page of the privacy lead's audit log. */
    static final int LOG_PAGE = 200;

    /** Published heads listed on the audit page. */
    static final int PUBLISHED_SHOWN = 10;

    private final AuditLog log;
    private final AuditTree tree;
    private final AccessLogProofs proofs;
    private final PersonNames names;
    private final AccessLogLines lines;
    private final AgencyZones zones;

    AuditController(
            AuditLog log,
            AuditTree tree,
            AccessLogProofs proofs,
            PersonNames names,
            AccessLogLines lines,
            AgencyZones zones) {
        this.log = log;
        this.tree = tree;
        this.proofs = proofs;
        this.names = names;
        this.lines = lines;
        this.zones = zones;
    }

    @GetMapping("/me/access-log")
    String mine(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @Nullable String before,
            @RequestParam(defaultValue = "false") boolean mine,
            Locale locale,
            Model model) {
        UUID self = actor.actorPersonId();
        List<AuditEntry> page = log.accessLogOf(actor.agencyId(), self, AccessLogLines.parse(before), mine, PAGE + 1);
        List<AuditEntry> shown = page.size() > PAGE ? page.subList(0, PAGE) : page;
        model.addAttribute(
                "lines", lines.lines(shown, self, names.of(actor.agencyId()), zones.zoneOf(actor.agencyId()), locale));
        model.addAttribute("older", page.size() > PAGE ? AccessLogLines.cursor(shown.get(PAGE - 1)) : null);
        model.addAttribute("mine", mine);
        model.addAttribute("before", before);
        model.addAttribute("firstPage", before == null || before.isBlank());
        return MINE;
    }

    /** The proof for the entries of a page of the person's access log, as a file to keep or check. */
    @GetMapping("/me/access-log/proof")
    ResponseEntity<ProofFormat.InclusionProof> proof(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @Nullable String before,
            @RequestParam(defaultValue = "false") boolean mine) {
        return download(proofs.page(actor, before, mine, PAGE, null), "access-log-proof.json");
    }

    /** The privacy lead publishes the head of the audit tree now. */
    @PostMapping("/audit/tree-heads")
    String publish(@AuthenticationPrincipal Actor actor) {
        AuditApi.requirePrivacyLead(actor);
        tree.publish(actor.agencyId());
        return "redirect:/audit#published-heads";
    }

    /** The proof that the log now keeps a published head, as a file. */
    @GetMapping("/audit/consistency")
    ResponseEntity<ProofFormat.ConsistencyProof> consistency(
            @AuthenticationPrincipal Actor actor, @RequestParam(required = false) @Nullable Long from) {
        AuditApi.requireOversight(actor);
        AuditTree.Consistency proof = tree.consistency(actor.agencyId(), from, null);
        return download(
                ProofFormat.ConsistencyProof.of(actor.agencyId(), proof),
                "audit-consistency-" + proof.from().size() + "-" + proof.to().size() + ".json");
    }

    private static <T> ResponseEntity<T> download(T body, String file) {
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .header(
                        org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + file + "\"")
                .body(body);
    }

    @GetMapping("/audit")
    String page(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @Nullable UUID subjectId,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(defaultValue = "false") boolean verify,
            @RequestParam(required = false) @Nullable String before,
            Model model) {
        AuditApi.requirePrivacyLead(actor);
        AuditCursor cursor = AccessLogLines.parse(before);
        Map<UUID, String> known = names.of(actor.agencyId());
        Instant since = from == null
                ? null
                : from.atStartOfDay(zones.zoneOf(actor.agencyId())).toInstant();
        String wanted =
                action == null || action.isBlank() ? null : action.strip().toUpperCase(java.util.Locale.ROOT);
        List<AuditEntry> page =
                log.search(actor.agencyId(), null, subjectId, wanted, since, null, cursor, LOG_PAGE + 1);
        List<AuditEntry> shown = page.size() > LOG_PAGE ? page.subList(0, LOG_PAGE) : page;
        model.addAttribute("entries", shown);
        model.addAttribute(
                "olderLink",
                page.size() > LOG_PAGE
                        ? searchLink(subjectId, wanted, from, AccessLogLines.cursor(shown.get(LOG_PAGE - 1)))
                        : null);
        model.addAttribute("newestLink", searchLink(subjectId, wanted, from, null));
        model.addAttribute("firstPage", cursor == null);
        if (subjectId != null) {
            // Whose trail the privacy lead looked at is itself in that person's log.
            log.recordRead(AuditEvent.by(actor, AuditAction.READ, AuditOutcome.ALLOWED)
                    .about(subjectId, "ACCESS_LOG", null)
                    .because("OVERSIGHT", "PRIVACY_LEAD"));
        }
        model.addAttribute("names", known);
        model.addAttribute(
                "people",
                known.entrySet().stream()
                        .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                        .toList());
        model.addAttribute("subjectId", subjectId);
        model.addAttribute("action", wanted);
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("from", from);
        model.addAttribute("head", log.head(actor.agencyId()));
        model.addAttribute("tree", tree.head(actor.agencyId()));
        model.addAttribute("published", tree.published(actor.agencyId(), PUBLISHED_SHOWN));
        if (verify) {
            model.addAttribute("verification", log.verify(actor.agencyId()));
        }
        return LOG;
    }

    /** The audit page with the same search (only the filters given), from the newest or after {@code before}. */
    private static String searchLink(
            @Nullable UUID subjectId, @Nullable String action, @Nullable LocalDate from, @Nullable String before) {
        return UriComponentsBuilder.fromPath("/audit")
                .queryParamIfPresent("subjectId", Optional.ofNullable(subjectId))
                .queryParamIfPresent("action", Optional.ofNullable(action))
                .queryParamIfPresent("from", Optional.ofNullable(from))
                .queryParamIfPresent("before", Optional.ofNullable(before))
                .encode()
                .build()
                .toUriString();
    }

    @GetMapping("/audit/people/{id}/access-log.csv")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return AuditApi.export(log, names, actor, id);
    }
}
