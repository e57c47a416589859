package org.mutuality.research;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.Text;

/**
 * A research study the agency takes part in: what it is for, who runs it (a principal investigator
 * and co-researchers, who may also be participants or peer workers here), the ethics board that
 * approved it and for how long, the data it may use, how it recruits and the consent form in force.
 * A study recruits only between its approval date and its end date; each step checks that it is
 * possible from the current state and returns the new state.
 *
 * @param consentFormVersion the version of the consent form in force, from 1; a new version never
 *     changes what was signed on an earlier one
 * @param version the version it was read at; saving checks it
 */
public record Study(
        StudyId id,
        String title,
        String purpose,
        PersonId principalInvestigator,
        List<PersonId> coResearchers,
        String ethicsBoard,
        String approvalNumber,
        LocalDate approvedOn,
        LocalDate endsOn,
        String dataUses,
        String recruitmentText,
        String consentForm,
        int consentFormVersion,
        Status status,
        PersonId createdBy,
        Instant createdAt,
        int version) {

    /** Where a study stands: planned, recruiting, or closed to recruitment. */
    public enum Status {
        PLANNED,
        RECRUITING,
        CLOSED
    }

    public Study {
        Objects.requireNonNull(id, "id");
        coResearchers = List.copyOf(coResearchers);
        if (consentFormVersion < 1) {
            throw new IllegalStateException("consent form version must be 1 or more, was " + consentFormVersion);
        }
    }

    /** What a study is made of when it is proposed. */
    public record Details(
            @Nullable String title,
            @Nullable String purpose,
            @Nullable PersonId principalInvestigator,
            @Nullable List<PersonId> coResearchers,
            @Nullable String ethicsBoard,
            @Nullable String approvalNumber,
            @Nullable LocalDate approvedOn,
            @Nullable LocalDate endsOn,
            @Nullable String dataUses,
            @Nullable String recruitmentText,
            @Nullable String consentForm) {}

    /**
     * A new study, planned: it recruits once opened.
     *
     * @throws BadInputException when a text is missing or too long, a date is missing, the end is not
     *     after the approval, or the principal investigator is named among the co-researchers
     */
    public static Study propose(Details d, PersonId by, Instant at) {
        if (d.principalInvestigator() == null) {
            throw new BadInputException("study.piRequired", Explanation.field("principalInvestigatorId"));
        }
        if (d.approvedOn() == null || d.endsOn() == null) {
            throw new BadInputException("study.datesRequired", Explanation.field("approvedOn"));
        }
        if (!d.endsOn().isAfter(d.approvedOn())) {
            throw new BadInputException("study.endsBeforeApproval", d.approvedOn(), d.endsOn());
        }
        List<PersonId> co =
                new ArrayList<>(new LinkedHashSet<>(d.coResearchers() == null ? List.of() : d.coResearchers()));
        if (co.contains(d.principalInvestigator())) {
            throw new BadInputException("study.piIsCoResearcher");
        }
        if (co.size() > 20) {
            throw new BadInputException("study.tooManyResearchers", 20, co.size());
        }
        return new Study(
                StudyId.random(),
                Text.required("title", d.title(), 3, Text.Limit.NAME),
                Text.required("purpose", d.purpose(), 10, Text.Limit.BODY),
                d.principalInvestigator(),
                co,
                Text.required("ethicsBoard", d.ethicsBoard(), 2, Text.Limit.NAME),
                Text.required("approvalNumber", d.approvalNumber(), 1, Text.Limit.LABEL),
                d.approvedOn(),
                d.endsOn(),
                Text.required("dataUses", d.dataUses(), 3, Text.Limit.NOTE),
                Text.required("recruitmentText", d.recruitmentText(), 10, Text.Limit.BODY),
                Text.required("consentForm", d.consentForm(), 10, Text.Limit.PAGE),
                1,
                Status.PLANNED,
                by,
                at,
                0);
    }

    /** Whether the person runs the study: its principal investigator or one of its co-researchers. */
    public boolean isTeam(PersonId person) {
        return principalInvestigator.equals(person) || coResearchers.contains(person);
    }

    /** The principal investigator, then the co-researchers. */
    public List<PersonId> team() {
        List<PersonId> team = new ArrayList<>();
        team.add(principalInvestigator);
        team.addAll(coResearchers);
        return team;
    }

    /** Whether the ethics approval covers the day: from the approval date to the end date, both included. */
    public boolean approvedOn(LocalDate day) {
        return !day.isBefore(approvedOn) && !day.isAfter(endsOn);
    }

    /** Whether it recruits on the day: opened, and within its approval. */
    public boolean recruitsOn(LocalDate day) {
        return status == Status.RECRUITING && approvedOn(day);
    }

    /**
     * Opens recruitment.
     *
     * @throws ConflictException unless the study is planned, or when the day is before its approval
     *     date or after its end date
     */
    public Study openRecruitment(LocalDate today) {
        if (status != Status.PLANNED) {
            throw new ConflictException("study.notPlanned", state());
        }
        if (!approvedOn(today)) {
            throw new ConflictException("study.outsideApproval", approvedOn, endsOn);
        }
        return with(Status.RECRUITING, consentForm, consentFormVersion);
    }

    /**
     * Closes recruitment: who consented stays in the study.
     *
     * @throws ConflictException unless it is recruiting
     */
    public Study closeRecruitment() {
        if (status != Status.RECRUITING) {
            throw new ConflictException("study.notRecruiting", state());
        }
        return with(Status.CLOSED, consentForm, consentFormVersion);
    }

    /**
     * A new version of the consent form: consents given on earlier versions stay as they were signed.
     *
     * @throws ConflictException when the study is closed
     * @throws BadInputException when the text is under 10 or over 6,000 characters
     */
    public Study reviseConsentForm(String text) {
        if (status == Status.CLOSED) {
            throw new ConflictException("study.closed", state());
        }
        return with(status, Text.required("consentForm", text, 10, Text.Limit.PAGE), consentFormVersion + 1);
    }

    /**
     * Refuses a consent unless the study recruits on the day.
     *
     * @throws ConflictException when it does not
     */
    public void requireRecruiting(LocalDate today) {
        if (!recruitsOn(today)) {
            throw new ConflictException("study.notRecruitingOn", title);
        }
    }

    private Study with(Status to, String form, int formVersion) {
        return new Study(
                id,
                title,
                purpose,
                principalInvestigator,
                coResearchers,
                ethicsBoard,
                approvalNumber,
                approvedOn,
                endsOn,
                dataUses,
                recruitmentText,
                form,
                formVersion,
                to,
                createdBy,
                createdAt,
                version);
    }

    private Object state() {
        return Explanation.term("study.status." + status.name(), status.name());
    }
}
