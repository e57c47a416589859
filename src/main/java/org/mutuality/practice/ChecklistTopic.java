package org.mutuality.practice;

/**
 * The sixteen topics of a supervision checklist for peer roles in teams that are not peer-run, drawn
 * from a supervisors' toolkit of a Canadian mental-health association (ADR 0019). A session marks the
 * topics it discussed; a topic the pair has not discussed for {@link #FORGOTTEN_AFTER_DAYS} days
 * comes back on their next agenda. The page words each one from {@code checklist.topic.NAME}.
 */
public enum ChecklistTopic {
    LIVED_EXPERIENCE_SHARING,
    SATISFACTION,
    INCLUSION,
    RESOURCES,
    DIRECT_SUPPORT_TIME,
    DEFINED_PROJECTS,
    NO_EXTRA_OVERSIGHT,
    QUALITY_IMPROVEMENT_ROLES,
    RECORDING_INTERACTIONS,
    WORK_PLANS_AND_GOALS,
    DAILY_TASKS_AND_WORKLOAD,
    REFERRAL_PROCESS,
    REFERRALS_FROM_ALL,
    CONSISTENT_ROLE_INFORMATION,
    REACH_TO_PARTICIPANTS,
    PEER_NETWORKS_AND_DEVELOPMENT;

    /** After how many days without discussion a topic returns to the pair's agenda. */
    public static final int FORGOTTEN_AFTER_DAYS = 90;

    /** The message key of its label. */
    public String key() {
        return "checklist.topic." + name();
    }
}
