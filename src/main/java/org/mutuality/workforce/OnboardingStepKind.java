package org.mutuality.workforce;

/**
 * The steps of the onboarding template, in the order a new staff member meets them over about three
 * months, each with the week it is planned for and who owns it at first; {@link #OTHER} is a step the
 * supervisor adds, named by its title. The names people read come from the messages ({@code
 * onboarding.step.KIND}).
 */
public enum OnboardingStepKind {
    MEET_THE_TEAM(1, Owner.SUPERVISOR),
    READ_AND_ATTEST_THE_CODE(1, Owner.PERSON),
    REQUIRED_TRAININGS(4, Owner.PERSON),
    SHADOW_A_PEER_WORKER(3, Owner.SUPERVISOR),
    FIRST_SUPERVISION(2, Owner.SUPERVISOR),
    FIRST_PARTICIPANT_WITH_SUPPORT(6, Owner.SUPERVISOR),
    REVIEW_AT_90_DAYS(13, Owner.SUPERVISOR),
    OTHER(0, Owner.SUPERVISOR);

    /** Who owns a template step until the supervisor gives it to someone else. */
    public enum Owner {
        PERSON,
        SUPERVISOR
    }

    private final int week;
    private final Owner owner;

    OnboardingStepKind(int week, Owner owner) {
        this.week = week;
        this.owner = owner;
    }

    /** The week the template plans the step for (1 is the first week); 0 for {@link #OTHER}. */
    public int week() {
        return week;
    }

    /** Who owns the step when the plan is started. */
    public Owner owner() {
        return owner;
    }

    /** Whether the step comes from the template (every kind but {@link #OTHER}). */
    public boolean fromTemplate() {
        return this != OTHER;
    }
}
