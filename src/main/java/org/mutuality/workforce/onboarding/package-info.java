/** Onboarding plans, their steps and check-ins, as stored. */
@NullMarked
package org.mutuality.workforce.onboarding;

import org.jspecify.annotations.NullMarked;
