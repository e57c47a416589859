package org.mutuality.shared.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %m}, {@code %msg} and {@code %message} with line breaks escaped (see {@link OneLine}). */
public class OneLineMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return OneLine.escape(event.getFormattedMessage());
    }
}
