package org.mutuality.practice;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.mutuality.practice.store.JournalKeyStore;
import org.mutuality.shared.AgencyId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The journal's envelope of keys (ADR 0018). Each agency has its own data key (a Tink AES-256-GCM
 * keyset) that seals its entries; the database keeps it only wrapped by the key-encryption key
 * (KEK), a Tink keyset that lives outside the database: in the file {@code
 * mutuality.journal.kek-file}, or in the property {@code mutuality.journal.kek} (the environment
 * variable {@code MUTUALITY_JOURNAL_KEK}), as Tink's JSON. Someone holding a copy of the database, a
 * dump or a backup holds sealed entries and wrapped keys, and no way to open them.
 *
 * <p>Rotation: name the new KEK as the current one and the old one as {@code
 * mutuality.journal.previous-kek-file} (or {@code MUTUALITY_JOURNAL_PREVIOUS_KEK}); at start, every
 * data key still wrapped by another KEK is unwrapped with the previous one and wrapped again with
 * the new one. Entries are not re-sealed: their data keys do not change. A data key read before the
 * start-up pass finished is re-wrapped on the spot.
 *
 * <p>The KEK is read when the journal is first used, not at start, so that an installation that has
 * not set one yet still starts; its first journal request fails with the reason in the log. The
 * demo and development run generate one under {@code ./data/} when {@code
 * mutuality.journal.generate-kek} is true and the file is absent.
 */
@Component
class JournalKeys {

    private static final Logger log = LoggerFactory.getLogger(JournalKeys.class);

    private final JournalKeyStore store;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final @Nullable String inlineKek;
    private final @Nullable String kekFile;
    private final @Nullable String inlinePrevious;
    private final @Nullable String previousFile;
    private final boolean generate;

    /** Opened data keys by agency: unwrapping costs a KEK decryption and a keyset parse per use otherwise. */
    private final Map<AgencyId, JournalSeal> seals = new ConcurrentHashMap<>();

    private volatile @Nullable Kek current;

    JournalKeys(
            JournalKeyStore store,
            Clock clock,
            PlatformTransactionManager transactions,
            @Value("${mutuality.journal.kek:}") @Nullable String inlineKek,
            @Value("${mutuality.journal.kek-file:}") @Nullable String kekFile,
            @Value("${mutuality.journal.previous-kek:}") @Nullable String inlinePrevious,
            @Value("${mutuality.journal.previous-kek-file:}") @Nullable String previousFile,
            @Value("${mutuality.journal.generate-kek:false}") boolean generate) {
        this.store = store;
        this.clock = clock;
        // A data key is stored in its own transaction: were it rolled back with the entry that asked
        // for it, the key kept in memory would seal later entries that no stored key opens.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.inlineKek = blankToNull(inlineKek);
        this.kekFile = blankToNull(kekFile);
        this.inlinePrevious = blankToNull(inlinePrevious);
        this.previousFile = blankToNull(previousFile);
        this.generate = generate;
    }

    /** A KEK: its AEAD and the id stored beside the data keys it wraps (its primary key's id). */
    record Kek(Aead aead, String id) {}

    /** The seal of the agency's entries, creating the agency's data key on first use. */
    JournalSeal sealOf(AgencyId agency) {
        return seals.computeIfAbsent(agency, this::load);
    }

    /** Re-wraps, at start, the data keys a previous KEK wrapped; does nothing when none is named. */
    @EventListener(ApplicationReadyEvent.class)
    void rewrapAtStart() {
        if (inlinePrevious == null && previousFile == null) {
            return;
        }
        int done = rewrapAll();
        log.info("Journal key rotation: {} agency data key(s) re-wrapped with the current key-encryption key", done);
    }

    /**
     * Wraps again with the current KEK every data key wrapped by the previous one.
     *
     * @return how many were re-wrapped
     * @throws IllegalStateException when a data key opens with neither KEK
     */
    int rewrapAll() {
        Kek kek = kek();
        int done = 0;
        for (JournalKeyStore.Wrapped wrapped : store.wrappedByOtherThan(kek.id())) {
            if (rewrap(wrapped, kek) != null) {
                done++;
            }
        }
        return done;
    }

    private JournalSeal load(AgencyId agency) {
        Kek kek = kek();
        JournalKeyStore.Wrapped wrapped = store.find(agency).orElse(null);
        if (wrapped == null) {
            KeysetHandle dek = newKeyset();
            try {
                JournalKeyStore.Wrapped made = new JournalKeyStore.Wrapped(agency, wrap(dek, kek, agency), kek.id());
                ownTransaction.executeWithoutResult(t -> store.insert(made, clock.instant()));
                return new JournalSeal(aead(dek));
            } catch (DuplicateKeyException raced) {
                wrapped = store.find(agency).orElseThrow(() -> raced);
            }
        }
        if (!wrapped.kekId().equals(kek.id())) {
            KeysetHandle dek = rewrap(wrapped, kek);
            if (dek != null) {
                return new JournalSeal(aead(dek));
            }
            wrapped = store.find(agency).orElseThrow();
        }
        return new JournalSeal(aead(unwrap(wrapped, kek)));
    }

    private @Nullable KeysetHandle rewrap(JournalKeyStore.Wrapped wrapped, Kek kek) {
        Kek previous = previous();
        if (previous == null || !previous.id().equals(wrapped.kekId())) {
            throw new IllegalStateException("the journal data key of agency " + wrapped.agency()
                    + " is wrapped by key-encryption key " + wrapped.kekId()
                    + ", which is neither the current one nor mutuality.journal.previous-kek(-file)");
        }
        KeysetHandle dek = unwrap(wrapped, previous);
        JournalKeyStore.Wrapped again =
                new JournalKeyStore.Wrapped(wrapped.agency(), wrap(dek, kek, wrapped.agency()), kek.id());
        Boolean changed = ownTransaction.execute(t -> store.rewrap(again, wrapped.kekId(), clock.instant()));
        return Boolean.TRUE.equals(changed) ? dek : null;
    }

    private Kek kek() {
        Kek k = current;
        if (k == null) {
            synchronized (this) {
                k = current;
                if (k == null) {
                    k = readKek(inlineKek, kekFile, generate);
                    if (k == null) {
                        throw new IllegalStateException("No journal key-encryption key: set mutuality.journal.kek-file"
                                + " or MUTUALITY_JOURNAL_KEK (README, 'Reflective journal and dilemma navigator')");
                    }
                    current = k;
                }
            }
        }
        return k;
    }

    private @Nullable Kek previous() {
        return readKek(inlinePrevious, previousFile, false);
    }

    private static @Nullable Kek readKek(@Nullable String inline, @Nullable String file, boolean generate) {
        try {
            String json;
            if (inline != null) {
                json = inline;
            } else if (file != null) {
                Path path = Path.of(file);
                if (!Files.exists(path) && generate) {
                    writeNewKek(path);
                }
                json = Files.readString(path, StandardCharsets.UTF_8);
            } else {
                return null;
            }
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
            return new Kek(
                    aead(handle), Integer.toUnsignedString(handle.getPrimary().getId()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the journal key-encryption key failed", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the journal key-encryption key is not a Tink AEAD keyset", e);
        }
    }

    /**
     * Writes a new KEK, created readable by its owner only where the file system has POSIX
     * permissions (so it is never readable by others, not even for a moment).
     */
    static void writeNewKek(Path path) throws IOException {
        if (path.toAbsolutePath().getParent() != null) {
            Files.createDirectories(path.toAbsolutePath().getParent());
        }
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(path);
            log.warn("{} is not on a POSIX file system: make it readable by the application's user only", path);
        }
        Files.writeString(path, newKekJson(), StandardCharsets.UTF_8);
        log.warn("Generated a journal key-encryption key at {} (demo and development only)", path.toAbsolutePath());
    }

    /** A new KEK as Tink's JSON, for {@code writeNewKek}, tests and the README's rotation steps. */
    static String newKekJson() {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(newKeyset(), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeysetHandle newKeyset() {
        try {
            AeadConfig.register();
            return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Aead aead(KeysetHandle handle) {
        try {
            AeadConfig.register();
            return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String wrap(KeysetHandle dek, Kek kek, AgencyId agency) {
        try {
            return Base64.getEncoder()
                    .encodeToString(TinkProtoKeysetFormat.serializeEncryptedKeyset(dek, kek.aead(), wrapping(agency)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeysetHandle unwrap(JournalKeyStore.Wrapped wrapped, Kek kek) {
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(
                    Base64.getDecoder().decode(wrapped.key()), kek.aead(), wrapping(wrapped.agency()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the journal data key of agency " + wrapped.agency() + " does not open with key-encryption key "
                            + kek.id(),
                    e);
        }
    }

    /** Binds a wrapped data key to its agency: a wrapped key copied to another agency's row does not open. */
    private static byte[] wrapping(AgencyId agency) {
        return ("mutuality-journal-dek/v1|" + agency.value()).getBytes(StandardCharsets.UTF_8);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
