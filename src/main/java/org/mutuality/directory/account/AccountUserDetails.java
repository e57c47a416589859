package org.mutuality.directory.account;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.mutuality.directory.AccountId;
import org.mutuality.directory.Person;
import org.mutuality.directory.SignedInUser;
import org.mutuality.directory.people.People;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads the signed-in user for form sign-in and for API tokens. A deactivated person cannot sign
 * in; roles are those held today.
 */
@Component
public class AccountUserDetails implements UserDetailsService {

    private final Accounts accounts;
    private final People people;
    private final Clock clock;

    AccountUserDetails(Accounts accounts, People people, Clock clock) {
        this.accounts = accounts;
        this.people = people;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByUsername(username)
                .flatMap(this::toUser)
                .orElseThrow(() -> new UsernameNotFoundException("unknown or inactive account"));
    }

    /**
     * The user of an account as of now (current roles), if the person is active. A locked account is
     * returned, marked locked: the lock stops password sign-in, not tokens.
     */
    Optional<SignedInUser> byAccount(AccountId id) {
        return accounts.findById(id).flatMap(this::toUser);
    }

    private Optional<SignedInUser> toUser(Accounts.AccountRow account) {
        return people.find(account.agencyId(), account.personId())
                .filter(Person::active)
                .map(person -> user(account, person));
    }

    private SignedInUser user(Accounts.AccountRow account, Person person) {
        return new SignedInUser(
                account.id(),
                person.id(),
                account.agencyId(),
                account.username(),
                person.displayName(),
                person.activeRoles(LocalDate.now(clock)),
                account.lockedAt(clock.instant()),
                account.passwordHash());
    }
}
