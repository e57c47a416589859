-- Interviewers of a study (issue 18, item 4, ADR 0034): who interviews whom, after the INTERVIEW
-- conflict check. When the check called for consultation, the consultation the team went ahead on,
-- how the conflict is managed and that the participant was told are kept with the assignment.

create table study_interview (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    study_id uuid not null references study (id),
    participant_id uuid not null references person (id),
    interviewer_id uuid not null references person (id),
    assigned_by uuid not null references person (id),
    assigned_at timestamp with time zone not null,
    decision varchar(20) not null,
    consultation_id uuid,
    management varchar(1000),
    participant_told boolean not null,
    constraint study_interview_managed check (consultation_id is null or (management is not null and participant_told))
);
create index study_interview_study on study_interview (agency_id, study_id, assigned_at);
