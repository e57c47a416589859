package org.mutuality.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mutuality.test.IntegrationTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Input with line breaks stays on its one log line, in messages and in exception messages. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogLinesIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(LogLinesIntegrationTests.class);
    private static final String FORGED = "2025-01-01T00:00:00.000Z  INFO 1 --- [main] o.m.Security : admin signed in";

    @Test
    void writesAValueWithLineBreaksOnOneLine(CapturedOutput output) {
        log.warn("Refused the name {}", "Ana\r\n" + FORGED);

        assertThat(output.getOut().lines().filter(line -> line.contains("Refused the name")))
                .singleElement()
                .asString()
                .contains("Ana\\r\\n" + FORGED);
        assertThat(output.getOut().lines()).noneMatch(line -> line.startsWith(FORGED));
    }

    @Test
    void writesAnExceptionMessageWithLineBreaksOnOneLine(CapturedOutput output) {
        log.error("Unexpected error", new IllegalArgumentException("bad token 'x\n" + FORGED + "'"));

        assertThat(output.getOut()).contains("bad token 'x\\n" + FORGED + "'");
        assertThat(output.getOut().lines()).noneMatch(line -> line.startsWith(FORGED));
    }
}
