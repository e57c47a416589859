package org.mutuality.notices;

/**
 * What a notice tells. The words live in {@code messages*.properties} under {@code notice.<kind>}
 * (and {@code notice.<kind>.subject} for email), so a notice reads in the recipient's language.
 */
public enum NoticeKind {
    /** Someone opened your record through break-the-glass; your access log shows who and why. */
    BREAK_GLASS_ON_YOUR_RECORD,
    /** A break-the-glass access waits for the privacy lead's review. */
    BREAK_GLASS_TO_REVIEW,
    /** Someone referred a person to peer support in a program you coordinate. */
    REFERRAL_RECEIVED,
    /** A person chose you as their peer worker; the referral waits for your answer. */
    REFERRAL_OFFERED_TO_YOU,
    /** A peer worker accepted a referral you made or coordinate. */
    REFERRAL_ACCEPTED,
    /** A peer worker declined a referral you coordinate; the person can choose again. */
    REFERRAL_PEER_DECLINED,
    /** A person chose their peer worker themselves; a coordinator confirms when the check asks for it. */
    REFERRAL_PERSON_CHOSE,
    /** A person would like to talk with a peer worker before choosing; a coordinator arranges it. */
    REFERRAL_TALK_FIRST,
    /** A person asked for another peer worker; the suggestions are open again. */
    REFERRAL_CHANGE_ASKED,
    /** Work you logged passed one of the limits in your own boundary plan; a moment to reflect. */
    REFLECTION_INVITED,
    /** Someone you supervise chose to share that they were invited to reflect on their boundaries. */
    REFLECTION_SHARED,
    /** A participant raised a concern about a staff member's conduct; it waits for someone to take it. */
    CONCERN_RAISED,
    /** The concern you raised was answered. */
    CONCERN_ANSWERED,
    /** A boundary incident was recorded; it waits for someone without a conflict to take it. */
    INCIDENT_RECORDED,
    /** Someone recorded an incident that involves you; you can add your own account. */
    INCIDENT_INVOLVES_YOU,
    /** An incident that involves you was resolved. */
    INCIDENT_RESOLVED,
    /** Part of your role is paused for now; your return plan says what comes next. */
    ROLE_PAUSED,
    /** Someone's role was paused; as privacy lead or their supervisor you are among those who must know. */
    ROLE_PAUSE_TO_KNOW,
    /** Your role is restored. */
    ROLE_RESTORED,
    /** A colleague asks your advice before a hard call; the consultation waits for your answer. */
    CONSULTATION_ASKED_OF_YOU,
    /** The colleague you consulted answered. */
    CONSULTATION_ANSWERED,
    /** A boundary agreement you write with someone waits for you to read and accept it. */
    AGREEMENT_TO_ACCEPT,
    /** A participant was reassigned to you while their peer worker's role is paused. */
    PARTICIPANT_REASSIGNED_TO_YOU,
    /** A participant sent a message through the agency's contact channel. */
    MESSAGE_RECEIVED,
    /** Someone at the agency answered your message. */
    MESSAGE_ANSWERED,
    /** You were assigned to someone, or someone to you (care, support, supervision, time, interviews). */
    ASSIGNMENT_RECORDED,
    /** A privileged role was proposed for someone; it waits for a second person to confirm it. */
    ROLE_PROPOSED,
    /** A privileged role was confirmed and is now held. */
    ROLE_CONFIRMED,
    /** Someone opened an account for a person; if it was not them, they should say so. */
    ACCOUNT_OPENED,
    /** The email address the agency has for you was changed; emailed to the address it replaced. */
    EMAIL_CHANGED,
    /** Someone changed another person's email address; check it is theirs before a link goes there. */
    EMAIL_CHANGED_TO_REVIEW,
    /** The person approving your hours asked a question about an entry; it waits for your answer. */
    TIMESHEET_QUESTIONED,
    /** The person approving your hours returned an entry with a reason; it waits for your correction. */
    TIMESHEET_RETURNED,
    /** The worker answered the question you asked about their hours; the entry waits for you again. */
    TIMESHEET_ANSWERED,
    /** The worker corrected hours you questioned or returned; the new version waits for you. */
    TIMESHEET_CORRECTED,
    /** A worker recorded hours that wait for your approval. */
    TIMESHEET_WAITING,
    /** Another approver handed you hours to approve. */
    TIMESHEET_HANDED_TO_YOU,
    /** Your hours went to another approver. */
    TIMESHEET_HANDED_OVER,
    /** Your hours were approved. */
    TIMESHEET_APPROVED,
    /** Your supervisor planned a supervision session with you. */
    SUPERVISION_PLANNED_WITH_YOU,
    /** A change the other person made to a supervision session took back your signature on it. */
    SUPERVISION_SIGNATURE_WITHDRAWN,
    /** Someone you supervise shared an entry of their journal with you; the notice never holds its text. */
    JOURNAL_ENTRY_SHARED_WITH_YOU,
    /** A training or certification of yours expires in about two months; your training page says which. */
    TRAINING_EXPIRES_IN_60_DAYS,
    /** A training or certification of yours expires in two weeks or less; your training page says which. */
    TRAINING_EXPIRES_IN_14_DAYS;

    public String messageKey() {
        return "notice." + name();
    }
}
