/**
 * The participant's voice: their recovery plan (goals in their own words, in the areas they choose,
 * with steps their peer worker may suggest and they accept or decline) and their wellness and crisis
 * plan, shared with the people they name. The participant writes both; every change is kept as a
 * version. Every read by anyone else asks the access guard and is audited (ADR 0035).
 */
@ApplicationModule(
        displayName = "Participant voice",
        allowedDependencies = {"access", "directory", "shared"})
@NullMarked
package org.mutuality.voice;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
