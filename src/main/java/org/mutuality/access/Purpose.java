package org.mutuality.access;

/** Why someone reads a record. */
public enum Purpose {
    CARE,
    SUPPORT,
    SUPERVISION
}
