package org.mutuality.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalKeysTests {

    @Test
    void generatesAKekReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
        Path kek = dir.resolve("data").resolve("journal-kek.json");

        JournalKeys.writeNewKek(kek);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kek)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(kek)).contains("AesGcmKey").contains("primaryKeyId");
    }
}
