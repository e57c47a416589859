package org.mutuality.audit;

import java.util.Map;
import java.util.UUID;
import org.mutuality.shared.AgencyId;

/**
 * Names for the people in an agency's log, provided by the directory so that the audit module need
 * not depend on it.
 */
public interface PersonNames {

    /** Display names by person id for the agency; people not found are simply absent. */
    Map<UUID, String> of(AgencyId agency);
}
