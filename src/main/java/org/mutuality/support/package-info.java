/**
 * Peer support work: referrals from any team member, suggestions of peer workers ranked by what the
 * participant asks for and checked for conflicts, the participant's choice, interactions and groups,
 * the respectful-language helper, caseloads and the peer worker's day. Every read of a person's
 * support record asks the access guard and is audited; every pairing asks the conflict check.
 */
@ApplicationModule(
        displayName = "Peer support",
        allowedDependencies = {
            "access",
            "audit",
            "conflicts",
            "directory",
            "notices",
            "practice",
            "relationships",
            "safety",
            "shared",
            "workforce"
        })
@NullMarked
package org.mutuality.support;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
