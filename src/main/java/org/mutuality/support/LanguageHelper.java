package org.mutuality.support;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mutuality.audit.AuditAction;
import org.mutuality.audit.AuditEvent;
import org.mutuality.audit.AuditLog;
import org.mutuality.audit.AuditOutcome;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.support.store.ProfileStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The respectful-language helper (S15): points out phrases that label or devalue people and
 * suggests other words. It only suggests; nothing is ever refused because of it. Each agency keeps
 * its own list in English and French, starting from Mutuality's.
 */
@Service
public class LanguageHelper {

    /** The most phrases one agency's list holds. */
    public static final int MAX_PHRASES = 400;

    /** The most suggestions shown while writing. */
    static final int WHILE_WRITING_HINTS = 12;

    /** The longest text checked at once. */
    public static final int MAX_TEXT = 10_000;

    private final ProfileStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final List<Phrase> defaults;
    private final Map<AgencyId, List<Compiled>> compiled = new ConcurrentHashMap<>();

    LanguageHelper(ProfileStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.defaults = loadDefaults();
    }

    /** A phrase found in a text, where, and what to say instead. */
    public record Hint(
            String lang,
            String phrase,
            String found,
            int start,
            int end,
            String suggestion,
            @Nullable String why) {}

    /** The agency's list: its own, or Mutuality's until it changes it. */
    @Transactional(readOnly = true)
    public List<Phrase> phrases(AgencyId agency) {
        return store.customised(agency) ? store.phrases(agency) : defaults;
    }

    /** Whether the agency changed the list. */
    @Transactional(readOnly = true)
    public boolean customised(AgencyId agency) {
        return store.customised(agency);
    }

    /** Mutuality's own list, in both languages. */
    public List<Phrase> defaults() {
        return defaults;
    }

    /**
     * The phrases found in a text, in order, from both languages' lists unless {@code lang} names
     * one.
     *
     * @throws BadInputException when the text is over 10,000 characters or lang is not en or fr
     */
    @Transactional(readOnly = true)
    public List<Hint> check(AgencyId agency, String text, @Nullable String lang) {
        if (text.length() > MAX_TEXT) {
            throw new BadInputException("text.tooLong", Explanation.field("text"), MAX_TEXT, text.length());
        }
        if (lang != null && !lang.isBlank() && !lang.equals("en") && !lang.equals("fr")) {
            throw new BadInputException("language.enOrFr");
        }
        List<Compiled> patterns = compiled.computeIfAbsent(agency, a -> compile(phrases(a)));
        List<Hint> hints = new ArrayList<>();
        for (Compiled c : patterns) {
            if (lang != null && !lang.isBlank() && !c.phrase().lang().equals(lang)) {
                continue;
            }
            Matcher m = c.pattern().matcher(text);
            while (m.find()) {
                hints.add(new Hint(
                        c.phrase().lang(),
                        c.phrase().phrase(),
                        m.group(),
                        m.start(),
                        m.end(),
                        c.phrase().suggestion(),
                        c.phrase().why()));
            }
        }
        hints.sort(Comparator.comparingInt(Hint::start).thenComparing(Hint::lang));
        List<Hint> distinct = new ArrayList<>();
        for (Hint h : hints) {
            Hint last = distinct.isEmpty() ? null : distinct.get(distinct.size() - 1);
            boolean overlaps = last != null && h.start() < last.end();
            boolean sameSpanOtherLanguage = last != null
                    && h.start() == last.start()
                    && h.end() == last.end()
                    && !h.lang().equals(last.lang());
            if (!overlaps || sameSpanOtherLanguage) {
                distinct.add(h);
            }
        }
        return distinct;
    }

    /**
     * The hints for a text being written, from the list in the page's language ({@code fr}, else
     * English): only its first 10,000 characters are read.
     */
    @Transactional(readOnly = true)
    public List<Hint> whileWriting(AgencyId agency, String text, String pageLanguage) {
        String lang = "fr".equals(pageLanguage) ? "fr" : "en";
        // Each phrase once, and a few at most: a note that repeats a phrase gets one suggestion for it.
        Set<String> seen = new HashSet<>();
        return check(agency, text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text, lang).stream()
                .filter(h -> seen.add(h.phrase()))
                .limit(WHILE_WRITING_HINTS)
                .toList();
    }

    /**
     * Adds a phrase to the agency's list (which becomes its own).
     *
     * @throws ForbiddenException and {@link BadInputException} as {@link #replace} does
     */
    @Transactional
    public List<Phrase> add(SignedInUser by, Phrase phrase) {
        List<Phrase> list = new ArrayList<>(phrases(by.agencyId()));
        list.add(phrase);
        return replace(by, list);
    }

    /**
     * Removes a phrase from the agency's list (which becomes its own).
     *
     * @throws ConflictException when the list no longer holds it
     */
    @Transactional
    public List<Phrase> remove(SignedInUser by, PhraseId phrase) {
        List<Phrase> list = new ArrayList<>(phrases(by.agencyId()));
        if (!list.removeIf(p -> p.id().equals(phrase))) {
            throw new ConflictException("language.notFound");
        }
        return replace(by, list);
    }

    /**
     * Replaces the agency's list. Coordinators (supervisors, managers), the privacy lead and
     * administrators keep it.
     *
     * @throws BadInputException when a phrase repeats or the list is over 400 phrases
     */
    @Transactional
    public List<Phrase> replace(SignedInUser by, List<Phrase> phrases) {
        if (!by.has(Role.SUPERVISOR) && !by.has(Role.MANAGER) && !by.isPrivacyLead() && !by.isAdministrator()) {
            throw new ForbiddenException("language.keepersOnly");
        }
        if (phrases.size() > MAX_PHRASES) {
            throw new BadInputException("language.tooManyPhrases", MAX_PHRASES, phrases.size());
        }
        Set<String> seen = new HashSet<>();
        for (Phrase p : phrases) {
            if (!seen.add(p.lang() + ":" + p.phrase().toLowerCase(Locale.ROOT))) {
                throw new BadInputException("language.listedTwice", p.phrase(), p.lang());
            }
        }
        store.replacePhrases(by.agencyId(), phrases, by.personId(), clock.instant());
        compiled.remove(by.agencyId());
        audit.record(AuditEvent.by(by, AuditAction.POLICY_CHANGE, AuditOutcome.DONE)
                .about(null, "LANGUAGE_LIST", null)
                .noting(phrases.size() + " phrases"));
        return store.phrases(by.agencyId());
    }

    private static List<Compiled> compile(List<Phrase> phrases) {
        List<Compiled> result = new ArrayList<>(phrases.size());
        for (Phrase p : phrases) {
            String[] words = p.phrase().strip().split("[\\s-]+");
            StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
            for (int i = 0; i < words.length; i++) {
                if (i > 0) {
                    regex.append("[\\s-]+");
                }
                regex.append(Pattern.quote(words[i]));
            }
            regex.append("(?![\\p{L}\\p{N}])");
            result.add(new Compiled(
                    p, Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
        }
        return result;
    }

    private static List<Phrase> loadDefaults() {
        try (InputStream in = LanguageHelper.class.getResourceAsStream("default-phrases.yaml")) {
            if (in == null) {
                throw new IllegalStateException("default-phrases.yaml is missing");
            }
            List<Map<String, String>> entries = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            List<Phrase> phrases = new ArrayList<>();
            for (Map<String, String> e : entries) {
                phrases.add(new Phrase(
                        new PhraseId(UUID.nameUUIDFromBytes((e.get("lang") + ":" + e.get("phrase"))
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                        e.get("lang"),
                        e.get("phrase"),
                        e.get("suggestion"),
                        e.get("why")));
            }
            return List.copyOf(phrases);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read default-phrases.yaml", e);
        }
    }

    private record Compiled(Phrase phrase, Pattern pattern) {}
}
