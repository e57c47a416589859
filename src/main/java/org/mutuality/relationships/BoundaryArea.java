package org.mutuality.relationships;

/** The areas a boundary plan covers (DOMAIN.md S12). */
public enum BoundaryArea {
    PERSONAL_CONTACT_DETAILS,
    SOCIAL_MEDIA,
    ELECTRONIC_MESSAGES,
    OUTSIDE_CONTACT,
    PHYSICAL_CONTACT,
    GIFTS_AND_MONEY,
    FRIENDSHIPS_WITH_PARTICIPANTS
}
