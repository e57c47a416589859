package org.mutuality.practice;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.Basis;
import org.mutuality.access.RecordKind;
import org.mutuality.access.RecordTrail;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.notices.NoticeKind;
import org.mutuality.notices.Notices;
import org.mutuality.practice.store.JournalStore;
import org.mutuality.relationships.Relationship;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.RelationshipRegister;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A worker's reflective journal (S16, ADR 0018). The rules, in order:
 *
 * <ol>
 *   <li>staff write entries, free or answering a prompt; an entry is sealed before it is stored, and
 *       no column of the database ever holds its text in clear;
 *   <li>the author reads, exports, shares, unshares and deletes their own entries, whether or not
 *       they are still staff; deleting removes the entry for good (the one record of Mutuality a
 *       person may delete);
 *   <li>a person who supervises the author today ({@code SUPERVISES} in the register) reads an entry
 *       the author shares, while it is shared and while they supervise the author, when they already
 *       supervised the author on the day it was shared: a share reaches the supervisors it was made
 *       to, never one assigned later (the author shares it again for them);
 *   <li>nobody else, whatever their role (administrator and privacy lead included): to them an entry
 *       answers exactly as a missing one, and the refusal is audited.
 * </ol>
 *
 * Every read asks the access guard through {@link RecordTrail} and is audited (so a read is a
 * read-write transaction: its audit entry is written in it); no audit entry holds an entry's text,
 * only its id and what was done.
 */
@Service
public class Journal implements AgendaSource {

    /** Entries on one page of a list. */
    public static final int PAGE_SIZE = 50;

    /** The last page a list goes to: 50,000 entries, more than anyone writes. */
    static final int MAX_PAGE = 1_000;

    /** How the journal names its records in a 404 and in the audit. */
    static final String KIND = "notFound.journalEntry";

    private final JournalStore store;
    private final JournalKeys keys;
    private final JournalExport exports;
    private final RecordTrail trail;
    private final RelationshipRegister relationships;
    private final Notices notices;
    private final Clock clock;

    Journal(
            JournalStore store,
            JournalKeys keys,
            JournalExport exports,
            RecordTrail trail,
            RelationshipRegister relationships,
            Notices notices,
            Clock clock) {
        this.store = store;
        this.keys = keys;
        this.exports = exports;
        this.trail = trail;
        this.relationships = relationships;
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * An entry as a list shows it: never its text, which a list does not open.
     *
     * @param sharedAt since when the author's supervisors may read it, or null
     */
    public record Listed(
            JournalEntryId id,
            PersonId author,
            @Nullable JournalPrompt prompt,
            Instant writtenAt,
            @Nullable Instant sharedAt) {}

    /**
     * Writes a new private entry.
     *
     * @throws ForbiddenException ({@code journal.staffOnly}) when the author is not staff
     * @throws org.mutuality.shared.BadInputException when the text is blank, too long or holds a
     *     refused character
     */
    @Transactional
    public JournalEntry write(SignedInUser author, @Nullable JournalPrompt prompt, @Nullable String text) {
        if (!author.isStaff()) {
            throw new ForbiddenException("journal.staffOnly");
        }
        JournalEntry entry = JournalEntry.write(author.personId(), prompt, text, clock.instant());
        store.insert(author.agencyId(), sealed(author.agencyId(), entry));
        trail.written(author, author.personId(), RecordKind.JOURNAL, entry.id(), "journal entry written");
        return entry;
    }

    /** The author's own entries, newest first, without their text; page 0 is the first. Never null. */
    @Transactional(readOnly = true)
    public List<Listed> mine(SignedInUser author, int page) {
        return store.byAuthor(author.agencyId(), author.personId(), offset(page), PAGE_SIZE).stream()
                .map(Journal::listed)
                .toList();
    }

    /**
     * One of the reader's own entries, opened.
     *
     * @throws NotFoundException when there is no such entry in the agency, or it is someone else's
     *     (the same 404, the refusal audited)
     */
    @Transactional
    public JournalEntry read(SignedInUser reader, JournalEntryId id) {
        JournalStore.Row row = find(reader, id);
        Basis basis = trail.read(reader, row.author(), RecordKind.JOURNAL, null, id);
        if (basis != Basis.SELF) {
            throw NotFoundException.hiding(KIND, id, row.author().value());
        }
        return opened(reader.agencyId(), row);
    }

    /**
     * Every entry of the author, opened, newest first, for the author's export; each read audited.
     * Never null.
     */
    @Transactional
    public List<JournalEntry> export(SignedInUser author) {
        List<JournalEntry> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<JournalStore.Row> rows =
                    store.byAuthor(author.agencyId(), author.personId(), page * PAGE_SIZE, PAGE_SIZE);
            for (JournalStore.Row row : rows) {
                trail.read(author, author.personId(), RecordKind.JOURNAL, null, row.id());
                all.add(opened(author.agencyId(), row));
            }
            if (rows.size() < PAGE_SIZE) {
                return all;
            }
        }
    }

    /** The author's whole journal as Markdown, in their language; each read audited. */
    @Transactional
    public String markdown(SignedInUser author, Locale locale) {
        return exports.markdown(author.displayName(), export(author), locale);
    }

    /** The author's whole journal as a PDF, in their language; each read audited. */
    @Transactional
    public byte[] pdf(SignedInUser author, Locale locale) {
        return exports.pdf(author.displayName(), export(author), locale);
    }

    /**
     * Shares one of the author's entries with the people who supervise them today; each of them is
     * told, with a link to the entry and never its text.
     *
     * @throws NotFoundException when it is missing or someone else's (the refusal audited)
     * @throws ConflictException when it is shared already ({@code journal.alreadyShared}) or nobody
     *     supervises the author ({@code journal.noSupervisor})
     */
    @Transactional
    public Listed share(SignedInUser author, JournalEntryId id) {
        JournalStore.Row row = own(author, id);
        if (row.sharedAt() == null
                && supervisorsOf(author.agencyId(), author.personId()).isEmpty()) {
            throw new ConflictException("journal.noSupervisor");
        }
        JournalEntry shared = shell(row).share(clock.instant());
        Listed listed = saveSharing(author, row, shared.sharedAt(), "journal entry shared with supervisors");
        for (PersonId supervisor : supervisorsOf(author.agencyId(), author.personId())) {
            notices.send(
                    author.agencyId(), supervisor, NoticeKind.JOURNAL_ENTRY_SHARED_WITH_YOU, "/journal/shared/" + id);
        }
        return listed;
    }

    /**
     * Makes one of the author's entries private again.
     *
     * @throws NotFoundException when it is missing or someone else's (the refusal audited)
     * @throws ConflictException ({@code journal.notShared}) when it is private already
     */
    @Transactional
    public Listed unshare(SignedInUser author, JournalEntryId id) {
        JournalStore.Row row = own(author, id);
        shell(row).unshare();
        return saveSharing(author, row, null, "journal entry made private");
    }

    /**
     * Deletes one of the author's entries for good. Its audit entries stay, with its id and no text.
     *
     * @throws NotFoundException when it is missing (deleted already) or someone else's (the refusal
     *     audited)
     */
    @Transactional
    public void delete(SignedInUser author, JournalEntryId id) {
        JournalStore.Row row = own(author, id);
        if (!store.delete(author.agencyId(), row.id(), author.personId())) {
            throw new NotFoundException(KIND, id);
        }
        trail.written(author, author.personId(), RecordKind.JOURNAL, id, "journal entry deleted");
    }

    /**
     * The entries shared today with the reader by the people they supervise, newest share first,
     * without their text. Never null.
     */
    @Transactional(readOnly = true)
    public List<Listed> sharedWithMe(SignedInUser supervisor, int page) {
        Map<PersonId, LocalDate> supervisees = superviseesSince(supervisor.agencyId(), supervisor.personId());
        return store
                .sharedBy(supervisor.agencyId(), List.copyOf(supervisees.keySet()), offset(page), PAGE_SIZE)
                .stream()
                .filter(row -> sharedSince(row, supervisees.get(row.author())))
                .map(Journal::listed)
                .toList();
    }

    /**
     * An entry shared with the reader, opened: the author shares it now and the reader supervises the
     * author today (or the reader is the author).
     *
     * @throws NotFoundException otherwise, exactly as for a missing entry (the refusal audited)
     */
    @Transactional
    public JournalEntry readShared(SignedInUser supervisor, JournalEntryId id) {
        JournalStore.Row row = find(supervisor, id);
        boolean sharedWithReader = !row.author().equals(supervisor.personId())
                && sharedSince(
                        row,
                        superviseesSince(supervisor.agencyId(), supervisor.personId())
                                .get(row.author()));
        Basis basis = trail.read(
                supervisor, row.author(), RecordKind.JOURNAL, sharedWithReader ? Basis.SUPERVISOR : null, id);
        if (basis != Basis.SUPERVISOR && basis != Basis.SELF) {
            throw NotFoundException.hiding(KIND, id, row.author().value());
        }
        return opened(supervisor.agencyId(), row);
    }

    /**
     * The entries the supervisee shares today with this supervisor, by id and the day of sharing,
     * never their text; nothing when the supervisor does not supervise them today.
     */
    @Override
    @Transactional(readOnly = true)
    public List<AgendaItem> waitingFor(AgencyId agency, PersonId supervisor, PersonId supervisee, LocalDate today) {
        LocalDate since = superviseesSince(agency, supervisor).get(supervisee);
        if (since == null) {
            return List.of();
        }
        List<AgendaItem> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<JournalStore.Row> rows = store.sharedBy(agency, List.of(supervisee), page * PAGE_SIZE, PAGE_SIZE);
            for (JournalStore.Row row : rows) {
                if (!sharedSince(row, since)) {
                    continue;
                }
                items.add(new AgendaItem(
                        AgendaItem.Source.SHARED_REFLECTION,
                        row.id().toString(),
                        row.prompt() == null
                                ? null
                                : "journal.prompt." + row.prompt().name(),
                        LocalDate.ofInstant(row.sharedAt(), clock.getZone())));
            }
            if (rows.size() < PAGE_SIZE) {
                return items;
            }
        }
    }

    /** The first row of a page; past the last page of any journal, an empty page rather than an overflow. */
    private static int offset(int page) {
        return Math.min(Math.max(page, 0), MAX_PAGE) * PAGE_SIZE;
    }

    /** Who supervises the person today, by the register. */
    List<PersonId> supervisorsOf(AgencyId agency, PersonId person) {
        return relationships.currentOf(agency, person).stream()
                .filter(r ->
                        r.kind() == RelationshipKind.SUPERVISES && r.personB().equals(person))
                .map(Relationship::personA)
                .distinct()
                .toList();
    }

    /**
     * The people the supervisor supervises today, each with the first day of that supervision (the
     * earliest day when the register gives none or several).
     */
    private Map<PersonId, LocalDate> superviseesSince(AgencyId agency, PersonId supervisor) {
        Map<PersonId, LocalDate> since = new HashMap<>();
        relationships.currentOf(agency, supervisor).stream()
                .filter(r ->
                        r.kind() == RelationshipKind.SUPERVISES && r.personA().equals(supervisor))
                .forEach(r -> since.merge(
                        r.personB(), r.startDate() == null ? LocalDate.MIN : r.startDate(), Journal::earlier));
        return since;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** Whether the entry is shared, and was shared on or after the day the supervision began. */
    private boolean sharedSince(JournalStore.Row row, @Nullable LocalDate supervisedSince) {
        return row.sharedAt() != null
                && supervisedSince != null
                && !LocalDate.ofInstant(row.sharedAt(), clock.getZone()).isBefore(supervisedSince);
    }

    private Listed saveSharing(SignedInUser author, JournalStore.Row row, @Nullable Instant sharedAt, String what) {
        if (!store.shared(author.agencyId(), row.id(), sharedAt)) {
            throw new NotFoundException(KIND, row.id());
        }
        trail.written(author, author.personId(), RecordKind.JOURNAL, row.id(), what);
        return new Listed(row.id(), row.author(), row.prompt(), row.writtenAt(), sharedAt);
    }

    /** An entry the caller changes: theirs, or a 404 that hides it (recorded by the web layer). */
    private JournalStore.Row own(SignedInUser author, JournalEntryId id) {
        JournalStore.Row row = find(author, id);
        if (!row.author().equals(author.personId())) {
            throw NotFoundException.hiding(KIND, id, row.author().value());
        }
        return row;
    }

    private JournalStore.Row find(SignedInUser user, JournalEntryId id) {
        return store.find(user.agencyId(), id).orElseThrow(() -> new NotFoundException(KIND, id));
    }

    private JournalStore.Row sealed(AgencyId agency, JournalEntry e) {
        String sealed = keys.sealOf(agency).seal(agency, e.id(), e.author(), e.text());
        return new JournalStore.Row(e.id(), e.author(), e.prompt(), sealed, e.writtenAt(), e.sharedAt());
    }

    private JournalEntry opened(AgencyId agency, JournalStore.Row row) {
        String text = keys.sealOf(agency).open(agency, row.id(), row.author(), row.sealed());
        return new JournalEntry(row.id(), row.author(), row.prompt(), text, row.writtenAt(), row.sharedAt());
    }

    /** The entry's state without opening it: sharing decides on the state, not on the text. */
    private static JournalEntry shell(JournalStore.Row row) {
        return new JournalEntry(row.id(), row.author(), row.prompt(), "", row.writtenAt(), row.sharedAt());
    }

    private static Listed listed(JournalStore.Row row) {
        return new Listed(row.id(), row.author(), row.prompt(), row.writtenAt(), row.sharedAt());
    }
}
