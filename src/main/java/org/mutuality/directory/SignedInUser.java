package org.mutuality.directory;

import java.io.Serial;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.Actor;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The person who is signed in, in the browser or with an API token: their account, their agency
 * and the roles they hold today. Every query a module runs for them is scoped to {@link #agencyId()}.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer, Actor {

    @Serial
    private static final long serialVersionUID = 1L;

    private final AccountId accountId;
    private final PersonId personId;
    private final AgencyId agencyId;
    private final String username;
    private final String displayName;
    private final Set<Role> roles;
    private final boolean locked;
    private @Nullable String passwordHash;

    public SignedInUser(
            AccountId accountId,
            PersonId personId,
            AgencyId agencyId,
            String username,
            String displayName,
            Set<Role> roles,
            boolean locked,
            @Nullable String passwordHash) {
        this.accountId = Objects.requireNonNull(accountId);
        this.personId = Objects.requireNonNull(personId);
        this.agencyId = Objects.requireNonNull(agencyId);
        this.username = Objects.requireNonNull(username);
        this.displayName = Objects.requireNonNull(displayName);
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.locked = locked;
        this.passwordHash = passwordHash;
    }

    public AccountId accountId() {
        return accountId;
    }

    public PersonId personId() {
        return personId;
    }

    @Override
    public AgencyId agencyId() {
        return agencyId;
    }

    @Override
    public java.util.UUID actorPersonId() {
        return personId.value();
    }

    @Override
    public Set<String> roleNames() {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        roles.forEach(r -> names.add(r.name()));
        return names;
    }

    public String displayName() {
        return displayName;
    }

    /** The roles held today, as of sign-in. */
    public Set<Role> roles() {
        return EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdministrator() {
        return has(Role.ADMINISTRATOR);
    }

    public boolean isPrivacyLead() {
        return has(Role.PRIVACY_LEAD);
    }

    /** Whether the person works for the agency in any role, paid or volunteer. */
    public boolean isStaff() {
        return roles.stream().anyMatch(Role::isStaff);
    }

    public boolean isSelf(PersonId other) {
        return personId.equals(other);
    }

    /** Staff may look people up in the directory; everyone else sees only themselves. */
    public boolean mayViewProfileOf(PersonId other) {
        return isSelf(other) || isStaff();
    }

    /**
     * How to refuse this signed-in person something about {@code person}. To someone who may not see
     * that person at all ({@link #mayViewProfileOf}) the refusal must not tell that the person exists:
     * it is the same {@link NotFoundException} as for a person who does not exist ("No person with id
     * …"), marked as hiding so that the web layer still records the refusal (ADR 0015). To anyone else
     * it is a {@link ForbiddenException} with the key and its arguments. Throw what it returns after
     * checking that the person exists in the agency, so that a missing person answers the same 404.
     */
    public RuntimeException refusalAbout(PersonId person, String key, @Nullable Object... arguments) {
        return refusalOf("notFound.person", person, person, key, arguments);
    }

    /**
     * As {@link #refusalAbout}, for a record of {@code person} asked for by its own id: to someone who
     * may not see the person it reads as a missing record ({@code notFound} names which: {@code
     * notFound.interaction}, "No interaction with id …"), never naming the person.
     */
    public RuntimeException refusalOf(
            String notFound, Object id, PersonId person, String key, @Nullable Object... arguments) {
        if (!mayViewProfileOf(person)) {
            return NotFoundException.hiding(notFound, id, person.value());
        }
        return new ForbiddenException(key, arguments);
    }

    /** Personal contact details are private: only the person and administrators see them. */
    public boolean maySeeContactDetailsOf(PersonId other) {
        return isSelf(other) || isAdministrator();
    }

    /** Administrators manage the directory; people may also correct their own profile. */
    public boolean mayEditProfileOf(PersonId other) {
        return isSelf(other) || isAdministrator();
    }

    /**
     * Whether the viewer may see that someone who is not staff holds a role that receives services:
     * clinicians see service users, staff see participants.
     */
    public boolean maySeeServiceRole(Role role) {
        if (isAdministrator()) {
            return true;
        }
        if (role == Role.SERVICE_USER) {
            return has(Role.CLINICIAN);
        }
        if (role == Role.PARTICIPANT) {
            return isStaff();
        }
        return true;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new java.util.ArrayList<>();
        roles.forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
        if (isStaff()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_STAFF"));
        }
        return authorities;
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedInUser other && other.accountId.equals(accountId);
    }

    @Override
    public int hashCode() {
        return accountId.hashCode();
    }

    @Override
    public String toString() {
        // Never print names or roles: this object can reach logs.
        return "SignedInUser[account=" + accountId + "]";
    }
}
