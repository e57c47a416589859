package org.mutuality.audit.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.audit.AuditAction;
import org.mutuality.audit.AuditEntry;
import org.mutuality.audit.AuditEvent;
import org.mutuality.audit.AuditLog;
import org.mutuality.audit.AuditOutcome;
import org.mutuality.audit.AuditTree;
import org.mutuality.audit.PersonNames;
import org.mutuality.audit.ProofFormat;
import org.mutuality.audit.Verification;
import org.mutuality.shared.Actor;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.web.NextPage;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** The audit log under {@code /api/v1/audit} and each person's own access log at {@code /api/v1/me/access-log}. */
@RestController
class AuditApi {

    static final int LIMIT = 500;

    private final AuditLog log;
    private final AuditTree tree;
    private final AccessLogProofs proofs;
    private final PersonNames names;
    private final Clock clock;

    AuditApi(AuditLog log, AuditTree tree, AccessLogProofs proofs, PersonNames names, Clock clock) {
        this.log = log;
        this.tree = tree;
        this.proofs = proofs;
        this.names = names;
        this.clock = clock;
    }

    @GetMapping("/api/v1/audit/verify")
    VerificationJson verify(@AuthenticationPrincipal Actor actor) {
        requireOversight(actor);
        return VerificationJson.of(log.verify(actor.agencyId()));
    }

    @GetMapping("/api/v1/audit/head")
    HeadJson head(@AuthenticationPrincipal Actor actor) {
        requireOversight(actor);
        AuditLog.Head head = log.head(actor.agencyId());
        AuditTree.Head treeHead = tree.head(actor.agencyId());
        return new HeadJson(
                actor.agencyId().value(),
                head.entries(),
                head.hash(),
                treeHead.size(),
                treeHead.root(),
                clock.instant());
    }

    /**
     * The heads of the audit tree the agency published, the latest first: to anyone of the agency,
     * since they are what everyone's proofs are checked against (they name no one).
     */
    @GetMapping("/api/v1/audit/tree-heads")
    List<PublishedHeadJson> published(
            @AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "30") int limit) {
        if (limit < 1 || limit > LIMIT) {
            throw new BadInputException("audit.limit", LIMIT, limit);
        }
        return tree.published(actor.agencyId(), limit).stream()
                .map(PublishedHeadJson::of)
                .toList();
    }

    /** The privacy lead publishes the tree's head now (it is published every day anyway). */
    @PostMapping("/api/v1/audit/tree-heads")
    ResponseEntity<PublishedHeadJson> publish(@AuthenticationPrincipal Actor actor) {
        requirePrivacyLead(actor);
        return ResponseEntity.status(HttpStatus.CREATED).body(PublishedHeadJson.of(tree.publish(actor.agencyId())));
    }

    /**
     * The proof that the tree of {@code to} entries (now, by default) keeps the tree of {@code from}
     * entries (the latest published head, by default).
     */
    @GetMapping("/api/v1/audit/consistency")
    ProofFormat.ConsistencyProof consistency(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @Nullable Long from,
            @RequestParam(required = false) @Nullable Long to) {
        requireOversight(actor);
        return ProofFormat.ConsistencyProof.of(actor.agencyId(), tree.consistency(actor.agencyId(), from, to));
    }

    /**
     * Proofs that the entries of the person's own access log (a page, newest first, or one entry) are
     * in the agency's audit tree, at a published size or as it is now.
     */
    @GetMapping("/api/v1/me/access-log/proof")
    ProofFormat.InclusionProof proof(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @Nullable UUID entry,
            @RequestParam(required = false) @Nullable String before,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) @Nullable Long treeSize) {
        return entry != null ? proofs.entry(actor, entry, treeSize) : proofs.page(actor, before, true, limit, treeSize);
    }

    /**
     * The entries matching the filters that are given, for the privacy lead: newest first, {@code
     * limit} entries (100 unless asked, 500 at most, as for the access log) after the {@code before}
     * cursor; a {@code Link} header names the next page, with the same filters, when there is one.
     */
    @GetMapping("/api/v1/audit/entries")
    ResponseEntity<List<EntryJson>> search(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @Nullable UUID actorId,
            @RequestParam(required = false) @Nullable UUID subjectId,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(required = false) @Nullable String before,
            @RequestParam(defaultValue = "100") int limit) {
        requirePrivacyLead(actor);
        if (limit < 1 || limit > LIMIT) {
            throw new BadInputException("audit.limit", LIMIT, limit);
        }
        String wanted = blankToNull(action);
        Map<UUID, String> known = names.of(actor.agencyId());
        List<AuditEntry> page = log.search(
                actor.agencyId(), actorId, subjectId, wanted, from, to, AccessLogLines.parse(before), limit + 1);
        List<AuditEntry> shown = page.size() > limit ? page.subList(0, limit) : page;
        String next = page.size() > limit
                ? NextPage.address(
                        UriComponentsBuilder.fromPath("/api/v1/audit/entries")
                                .queryParamIfPresent("actorId", Optional.ofNullable(actorId))
                                .queryParamIfPresent("subjectId", Optional.ofNullable(subjectId))
                                .queryParamIfPresent("action", Optional.ofNullable(wanted))
                                .queryParamIfPresent("from", Optional.ofNullable(from))
                                .queryParamIfPresent("to", Optional.ofNullable(to)),
                        limit,
                        "before",
                        AccessLogLines.cursor(shown.get(limit - 1)))
                : null;
        return NextPage.ok(shown.stream().map(e -> EntryJson.of(e, known)).toList(), next);
    }

    /**
     * The person's own access log, newest first, {@code limit} entries (500 at most) after the
     * {@code before} cursor; a {@code Link} header names the next page when there is one.
     */
    @GetMapping("/api/v1/me/access-log")
    ResponseEntity<List<EntryJson>> mine(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @Nullable String before,
            @RequestParam(defaultValue = "" + LIMIT) int limit) {
        if (limit < 1 || limit > LIMIT) {
            throw new BadInputException("audit.limit", LIMIT, limit);
        }
        Map<UUID, String> known = names.of(actor.agencyId());
        List<AuditEntry> page =
                log.accessLogOf(actor.agencyId(), actor.actorPersonId(), AccessLogLines.parse(before), true, limit + 1);
        List<AuditEntry> shown = page.size() > limit ? page.subList(0, limit) : page;
        String next = page.size() > limit
                ? NextPage.address(
                        UriComponentsBuilder.fromPath("/api/v1/me/access-log"),
                        limit,
                        "before",
                        AccessLogLines.cursor(shown.get(limit - 1)))
                : null;
        return NextPage.ok(shown.stream().map(e -> EntryJson.of(e, known)).toList(), next);
    }

    @GetMapping("/api/v1/audit/people/{id}/access-log.csv")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return export(log, names, actor, id);
    }

    /**
     * A person's whole access log as CSV, for the privacy lead (as PHIPA lets a person ask for it);
     * the export is itself recorded.
     */
    static ResponseEntity<byte[]> export(AuditLog log, PersonNames names, Actor actor, UUID person) {
        requirePrivacyLead(actor);
        Map<UUID, String> known = names.of(actor.agencyId());
        if (!known.containsKey(person)) {
            throw new org.mutuality.shared.NotFoundException("notFound.person", person);
        }
        log.record(AuditEvent.by(actor, AuditAction.EXPORT, AuditOutcome.DONE)
                .about(person, "ACCESS_LOG", null)
                .because("ACCESS_REQUEST", "PRIVACY_LEAD"));
        return csv(log.about(actor.agencyId(), person, 100_000), known, "access-log-" + person);
    }

    static ResponseEntity<byte[]> csv(List<AuditEntry> entries, Map<UUID, String> known, String name) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
                .body(AccessLogCsv.write(entries, known).getBytes(StandardCharsets.UTF_8));
    }

    static void requireOversight(Actor actor) {
        if (!actor.roleNames().contains("PRIVACY_LEAD") && !actor.roleNames().contains("ADMINISTRATOR")) {
            throw new ForbiddenException("audit.oversightOnly");
        }
    }

    static void requirePrivacyLead(Actor actor) {
        if (!actor.roleNames().contains("PRIVACY_LEAD")) {
            throw new ForbiddenException("audit.privacyLeadOnly");
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(java.util.Locale.ROOT);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VerificationJson(
            boolean valid,
            long entries,
            @Nullable String head,
            @Nullable Long firstBrokenSeq,
            @Nullable String problem) {
        static VerificationJson of(Verification v) {
            return new VerificationJson(v.valid(), v.entries(), v.head(), v.firstBrokenSeq(), v.problem());
        }
    }

    record HeadJson(UUID agencyId, long entries, String hash, long treeSize, String treeRoot, Instant at) {}

    record PublishedHeadJson(long treeSize, String rootHash, Instant publishedAt) {
        static PublishedHeadJson of(AuditTree.Published p) {
            return new PublishedHeadJson(p.head().size(), p.head().root(), p.at());
        }
    }

    record EntryJson(
            UUID id,
            Instant at,
            @Nullable Long seq,
            @Nullable UUID actorId,
            @Nullable String actorName,
            @Nullable String actorRoles,
            String action,
            @Nullable UUID subjectId,
            @Nullable String recordKind,
            @Nullable String recordId,
            @Nullable String purpose,
            @Nullable String basis,
            String outcome,
            boolean breakGlass) {

        static EntryJson of(AuditEntry e, Map<UUID, String> known) {
            return new EntryJson(
                    e.id(),
                    e.recordedAt(),
                    e.seq(),
                    e.actorId(),
                    e.actorId() == null ? null : known.get(e.actorId()),
                    e.actorRoles(),
                    e.action(),
                    e.subjectId(),
                    e.recordKind(),
                    e.recordId(),
                    e.purpose(),
                    e.basis(),
                    e.outcome(),
                    "BREAK_GLASS".equals(e.basis()));
        }
    }
}
