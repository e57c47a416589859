package org.mutuality.practice;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.AgencyId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Sealing and opening one 2,000-character journal entry (French text, accents included, so about
 * 2,100 bytes of UTF-8) with an agency's data key, against a baseline in the same run that does the
 * rest of the work without the cipher: the same text to UTF-8 bytes, a copy, and Base64 both ways.
 * The ratio is what encryption adds to a write and to a read.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JournalSealBenchmark {

    static final String SENTENCE = "Aujourd’hui, j’ai parlé de mon propre rétablissement ; « merci », m’a-t-on dit. ";

    JournalSeal seal;
    AgencyId agency;
    JournalEntryId entry;
    PersonId author;
    String text;
    String sealed;
    String encoded;

    @Setup(Level.Trial)
    public void setUp() {
        seal = new JournalSeal(JournalKeys.aead(JournalKeys.newKeyset()));
        agency = new AgencyId(UUID.randomUUID());
        entry = JournalEntryId.random();
        author = new PersonId(UUID.randomUUID());
        text = SENTENCE.repeat(2000 / SENTENCE.length() + 1).substring(0, 2000);
        sealed = seal.seal(agency, entry, author, text);
        encoded = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Benchmark
    public String seal() {
        return seal.seal(agency, entry, author, text);
    }

    @Benchmark
    public String open() {
        return seal.open(agency, entry, author, sealed);
    }

    /** The baseline of {@link #seal}: UTF-8 bytes, a copy, Base64, without the cipher. */
    @Benchmark
    public String copyBaseline() {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(bytes, bytes.length));
    }

    /** The baseline of {@link #open}: Base64 back to bytes, a copy, the text. */
    @Benchmark
    public String decodeBaseline() {
        byte[] bytes = Base64.getDecoder().decode(encoded);
        return new String(Arrays.copyOf(bytes, bytes.length), StandardCharsets.UTF_8);
    }
}
