package org.mutuality.relationships;

/** A limit a person may set in their own boundary plan, compared with the work they log. */
public enum BoundaryLimit {
    /** Outside contacts (coffee, an event) with one participant in a calendar month. */
    OUTSIDE_CONTACTS_PER_MONTH,
    /** Contacts of any kind with one participant in a week (Monday to Sunday). */
    CONTACTS_PER_WEEK,
    /** The longest a single contact should last, in minutes. */
    LONGEST_SESSION,
    /** No meetings planned after this time of day. */
    NO_CONTACT_AFTER
}
