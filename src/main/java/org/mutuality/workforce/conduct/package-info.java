/** The code of conduct's versions and attestations, as stored. */
@NullMarked
package org.mutuality.workforce.conduct;

import org.jspecify.annotations.NullMarked;
