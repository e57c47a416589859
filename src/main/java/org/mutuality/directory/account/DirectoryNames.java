package org.mutuality.directory.account;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mutuality.audit.PersonNames;
import org.mutuality.directory.Person;
import org.mutuality.directory.people.People;
import org.mutuality.shared.AgencyId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Gives the audit log the names of the agency's people. */
@Component
class DirectoryNames implements PersonNames {

    private final People people;

    DirectoryNames(People people) {
        this.people = people;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, String> of(AgencyId agency) {
        return people.all(agency).stream()
                .collect(Collectors.toMap(p -> p.id().value(), Person::displayName, (a, b) -> a));
    }
}
