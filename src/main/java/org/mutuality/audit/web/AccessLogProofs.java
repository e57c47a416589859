package org.mutuality.audit.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mutuality.audit.AuditEntry;
import org.mutuality.audit.AuditLog;
import org.mutuality.audit.AuditTree;
import org.mutuality.audit.ProofFormat;
import org.mutuality.shared.Actor;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Proofs that the entries of a person's own access log are in the agency's audit log, for the API
 * and for the download on the access log page. A person gets proofs of what their access log shows
 * them, and of nothing else.
 */
@Component
class AccessLogProofs {

    /** Entries proven in one document at most. */
    static final int LIMIT = 100;

    private final AuditLog log;
    private final AuditTree tree;

    AccessLogProofs(AuditLog log, AuditTree tree) {
        this.log = log;
        this.tree = tree;
    }

    /**
     * A page of the actor's access log (newest first, after the cursor, their own acts too when asked),
     * proven in the published head of {@code treeSize} leaves (the latest published when null).
     */
    ProofFormat.InclusionProof page(
            Actor actor, @Nullable String before, boolean withOwn, int limit, @Nullable Long treeSize) {
        if (limit < 1 || limit > LIMIT) {
            throw new BadInputException("audit.limit", LIMIT, limit);
        }
        List<AuditEntry> page = log.accessLogOf(
                actor.agencyId(), actor.actorPersonId(), AccessLogLines.parse(before), withOwn, limit + 1);
        List<AuditEntry> shown = page.size() > limit ? page.subList(0, limit) : page;
        String next = page.size() > limit ? AccessLogLines.cursor(shown.get(limit - 1)) : null;
        return proof(actor.agencyId(), shown, treeSize, next);
    }

    /** One entry of the actor's access log; any other entry is not found, whoever it is about. */
    ProofFormat.InclusionProof entry(Actor actor, UUID entry, @Nullable Long treeSize) {
        AuditEntry found = log.accessLogEntry(actor.agencyId(), actor.actorPersonId(), entry)
                .orElseThrow(() -> new NotFoundException("notFound.auditEntry", entry));
        return proof(actor.agencyId(), List.of(found), treeSize, null);
    }

    private ProofFormat.InclusionProof proof(
            AgencyId agency, List<AuditEntry> entries, @Nullable Long treeSize, @Nullable String next) {
        AuditTree.Head head = tree.publishedHead(agency, treeSize);
        List<AuditTree.Inclusion> proven = tree.inclusions(agency, entries, head.size());
        Set<UUID> in = proven.stream().map(i -> i.entry().id()).collect(Collectors.toSet());
        List<UUID> notYet = entries.stream()
                .map(AuditEntry::id)
                .filter(id -> !in.contains(id))
                .toList();
        return ProofFormat.InclusionProof.of(agency, head, proven, notYet, next);
    }
}
