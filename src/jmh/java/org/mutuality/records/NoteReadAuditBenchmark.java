package org.mutuality.records;

import java.util.List;
import java.util.Map;
import org.mutuality.shared.Page;
import java.util.concurrent.TimeUnit;
import org.mutuality.MutualityApplication;
import org.mutuality.access.AccessDecision;
import org.mutuality.access.AccessGuard;
import org.mutuality.access.Purpose;
import org.mutuality.access.RecordKind;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.records.store.Notes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What auditing costs on a note read: the demo psychiatrist reads Jordan Lee's care notes through
 * {@link Records#read} (the person looked up, the guard asked, the notes read and the audit entry
 * written, in one transaction, with the sealer linking entries in the background), against the same
 * transaction without the audit entry. The whole application runs, on an in-memory H2 database
 * unless {@code -Djdbc.url=jdbc:postgresql://...} names an empty PostgreSQL database.
 */
@State(Scope.Benchmark)
public class NoteReadAuditBenchmark {

    private static final int PAGE = Records.PAGE;


    ConfigurableApplicationContext context;
    Records records;
    Notes notes;
    AccessGuard guard;
    Directory directory;
    TransactionTemplate transaction;
    SignedInUser reader;
    PersonId subject;

    @Setup(Level.Trial)
    public void setUp() {
        String url = System.getProperty("jdbc.url", "jdbc:h2:mem:note-bench;DB_CLOSE_DELAY=-1");
        context = new SpringApplicationBuilder(MutualityApplication.class)
                .web(WebApplicationType.SERVLET)
                .profiles("demo")
                .run(
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username="
                                + System.getProperty("jdbc.user", url.contains(":h2:") ? "sa" : "postgres"),
                        "--spring.datasource.password=",
                        "--server.port=0",
                        "--logging.level.root=WARN",
                        "--mutuality.audit.seal-interval=" + System.getProperty("seal.interval", "500ms"),
                        "--mutuality.audit.read-durability=" + System.getProperty("read.durability", "synchronous"));
        records = context.getBean(Records.class);
        notes = context.getBean(Notes.class);
        guard = context.getBean(AccessGuard.class);
        directory = context.getBean(Directory.class);
        transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        reader = (SignedInUser) context.getBean(UserDetailsService.class).loadUserByUsername("psychiatrist");
        subject = new PersonId(context.getBean(JdbcClient.class)
                .sql("select id from person where legal_name = 'Jordan Lee'")
                .query(java.util.UUID.class)
                .single());
        if (read().isEmpty()) {
            throw new IllegalStateException("the demo psychiatrist should read Jordan's care notes");
        }
    }

    /** Reads made with their audit entry, to check afterwards that every entry reached the database. */
    final java.util.concurrent.atomic.LongAdder audited = new java.util.concurrent.atomic.LongAdder();

    long entriesBefore;

    @Setup(Level.Iteration)
    public void countEntries() {
        context.getBean(org.mutuality.audit.AuditLog.class).flushReads(java.time.Duration.ofSeconds(30));
        entriesBefore = readEntries();
        audited.reset();
    }

    /** Every read of the iteration has its entry in the database, whatever the read durability. */
    @TearDown(Level.Iteration)
    public void checkEntries() {
        if (!context.getBean(org.mutuality.audit.AuditLog.class).flushReads(java.time.Duration.ofSeconds(30))) {
            throw new IllegalStateException("read entries still waiting after 30 s");
        }
        long written = readEntries() - entriesBefore;
        if (written < audited.sum()) {
            throw new IllegalStateException(audited.sum() + " audited reads but only " + written + " entries");
        }
    }

    private long readEntries() {
        return context.getBean(JdbcClient.class)
                .sql("select count(*) from audit_entry where subject_id = :s and action = 'READ'")
                .param("s", subject.value())
                .query(Long.class)
                .single();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        context.close();
    }

    /** The read as the application does it, audit entry included. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Map<RecordKind, NotesRead.Shown> readWithAudit() {
        audited.increment();
        return read();
    }

    /** The newest page of care notes, as the notes API reads it. */
    private Map<RecordKind, NotesRead.Shown> read() {
        return records.readable(reader, subject, List.of(RecordKind.CARE_NOTES), Purpose.CARE, null, PAGE);
    }

    /** The same work in the same kind of transaction, without the audit entry. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Page<Note> readWithoutAudit() {
        return transaction.execute(status -> {
            directory.requirePerson(reader.agencyId(), subject);
            AccessDecision decision = guard.decide(reader, subject, RecordKind.CARE_NOTES, Purpose.CARE);
            if (!decision.allowed()) {
                throw new IllegalStateException("refused");
            }
            return notes.about(reader.agencyId(), subject, RecordKind.CARE_NOTES, null, Page.fetchSize(PAGE));
        });
    }
}
