package org.mutuality.practice;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.AgencyId;

/**
 * Seals an entry's text with an agency's data key (Tink AEAD, AES-256-GCM) and opens it again. The
 * associated data binds the sealed text to its agency, its entry and its author: a sealed text copied
 * into another row (another entry, author or agency) no longer opens, so rows cannot be swapped in the
 * database to show one person's entry as another's. The sealed text is kept as Base64, which every
 * database stores as plain text.
 */
final class JournalSeal {

    private final Aead dataKey;

    JournalSeal(Aead dataKey) {
        this.dataKey = dataKey;
    }

    String seal(AgencyId agency, JournalEntryId entry, PersonId author, String text) {
        try {
            byte[] sealed = dataKey.encrypt(text.getBytes(StandardCharsets.UTF_8), bound(agency, entry, author));
            return Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing a journal entry failed", e);
        }
    }

    /**
     * @throws IllegalStateException when the sealed text does not open with this key and these ids: a
     *     row moved or altered in the database, or the wrong key
     */
    String open(AgencyId agency, JournalEntryId entry, PersonId author, String sealed) {
        try {
            byte[] text = dataKey.decrypt(Base64.getDecoder().decode(sealed), bound(agency, entry, author));
            return new String(text, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("journal entry " + entry + " does not open with its agency's key", e);
        }
    }

    static byte[] bound(AgencyId agency, JournalEntryId entry, PersonId author) {
        return ("mutuality-journal/v1|" + agency.value() + "|" + entry.value() + "|" + author.value())
                .getBytes(StandardCharsets.UTF_8);
    }
}
