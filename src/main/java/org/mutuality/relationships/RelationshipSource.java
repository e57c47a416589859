package org.mutuality.relationships;

/** Where a relationship comes from: declared by someone, or derived from one of the product's records. */
public enum RelationshipSource {
    DECLARED,
    ASSIGNMENT,
    CARE_TEAM,
    SUPERVISION
}
