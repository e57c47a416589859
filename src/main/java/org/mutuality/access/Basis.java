package org.mutuality.access;

/**
 * Why a reader may read a record of a person. The guard finds the first five itself; the others are
 * parties that the module keeping a record vouches for when it asks about that record ({@link
 * AccessGuard#decide(org.mutuality.directory.SignedInUser, org.mutuality.directory.PersonId,
 * RecordKind, Purpose, Basis)}). The audit log keeps the name.
 */
public enum Basis {
    /** The person's own record. */
    SELF,
    /** Whoever treats the person: care notes, for care. */
    CIRCLE_OF_CARE,
    /** The peer worker assigned to support the person. */
    ASSIGNMENT,
    /** Whoever supervises that peer worker, for supervision. */
    SUPERVISION_OF_ASSIGNED_WORKER,
    /** An unexpired break-the-glass grant: for reading only. */
    BREAK_GLASS,
    /** A coordinator of the program a referral, group or message belongs to. */
    COORDINATOR,
    /** Who made a referral. */
    REFERRER,
    /** The peer worker a referral was offered to. */
    OFFERED_PEER,
    /** The peer worker who accepted a referral. */
    ASSIGNED_PEER,
    /** Who leads a support group. */
    GROUP_LEADER,
    /** The peer worker or coordinator a participant's message went to. */
    MESSAGE_RECIPIENT,
    /** Who raised a concern. */
    RAISED_BY,
    /** Who handles concerns. */
    CONCERN_HANDLER,
    /** A person an incident involves. */
    INVOLVED,
    /** Who handles incidents. */
    INCIDENT_HANDLER,
    /** Who paused someone's role. */
    PAUSED_BY,
    /** The privacy lead, for a record they oversee. */
    PRIVACY_LEAD,
    /**
     * A supervisor, for what their supervisee's records bring to supervision: a paused role, a
     * supervision session, a consultation their supervisee asked for, a journal entry shared with them.
     */
    SUPERVISOR,
    /** The person supervised, in a supervision session. */
    SUPERVISEE,
    /** Who asked for a consultation. */
    CONSULTATION_ASKER,
    /** The colleague a consultation was asked of. */
    CONSULTANT,
    /** One of the two people who wrote a boundary agreement together. */
    AGREEMENT_PARTY,
    /** A manager of the agency, for the training and certification records they keep of its staff. */
    MANAGER,
    /** A manager answering an accommodation a staff member sent them. */
    ACCOMMODATION_HANDLER,
    /** The principal investigator or a co-researcher of a study the person consented to. */
    STUDY_TEAM,
    /** A person the participant named when sharing their crisis plan, while it stays shared. */
    SHARED_BY_PERSON
}
