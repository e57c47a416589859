package org.mutuality.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The system clock moved forward on demand, for tests of expiry. Import {@link Configuration} into a
 * test to make it the application's clock.
 */
public final class MutableClock extends Clock {

    private volatile Duration ahead = Duration.ZERO;

    public void advance(Duration by) {
        ahead = ahead.plus(by);
    }

    /** Moves the clock to a moment (keeps running from there). */
    public void setTo(Instant moment) {
        ahead = Duration.between(Instant.now(), moment);
    }

    /** Back to the system's time. */
    public void reset() {
        ahead = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the mutable clock stays in UTC");
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }
}
