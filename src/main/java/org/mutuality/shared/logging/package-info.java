/**
 * Log lines that input cannot forge: logback converters that escape line breaks and other
 * controls in messages and exception messages, wired in {@code logback-spring.xml}.
 */
@NullMarked
package org.mutuality.shared.logging;

import org.jspecify.annotations.NullMarked;
