package org.mutuality.support;

/**
 * Where a referral stands. RECEIVED: made, waiting for the coordinator. OFFERED: peer support was
 * offered to the person, who is choosing (or whose chosen peer worker has not answered yet).
 * ACCEPTED: the person and a peer worker agreed; the assignment exists. DECLINED: the person said no.
 * CLOSED: withdrawn, or the support ended.
 */
public enum ReferralStatus {
    RECEIVED,
    OFFERED,
    ACCEPTED,
    DECLINED,
    CLOSED;

    public boolean isOpen() {
        return this == RECEIVED || this == OFFERED;
    }
}
