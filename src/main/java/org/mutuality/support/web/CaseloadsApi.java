package org.mutuality.support.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.SignedInUser;
import org.mutuality.support.Caseloads;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in peer worker's day and the team's caseloads, under {@code /api/v1}. */
@RestController
class CaseloadsApi {

    private final Caseloads caseloads;

    CaseloadsApi(Caseloads caseloads) {
        this.caseloads = caseloads;
    }

    /** The signed-in peer worker's day: participants, today's meetings and groups, referrals waiting. */
    @GetMapping("/api/v1/me/day")
    DayJson day(@AuthenticationPrincipal SignedInUser user) {
        Caseloads.MyDay day = caseloads.myDay(user);
        return new DayJson(
                day.participants().stream().map(ParticipantJson::of).toList(),
                day.meetingsToday().stream().map(ParticipantJson::of).toList(),
                day.groupsToday().stream().map(GroupTodayJson::of).toList(),
                day.referralsWaitingForMe().stream().map(r -> r.id().value()).toList(),
                day.referralsToCoordinate(),
                day.minutesThisMonth(),
                day.capacity());
    }

    /** Caseloads across the team for the last 30 days, for coordinators; counts and hours only. */
    @GetMapping("/api/v1/caseloads")
    List<CaseloadJson> caseloads(@AuthenticationPrincipal SignedInUser user) {
        return caseloads.team(user).stream().map(CaseloadJson::of).toList();
    }

    record ParticipantJson(
            UUID personId,
            String name,
            @Nullable String pronouns,
            @Nullable LocalDate lastContact,
            @Nullable LocalDateTime nextMeeting,
            boolean quiet) {
        static ParticipantJson of(Caseloads.Participant p) {
            return new ParticipantJson(
                    p.person().value(), p.name(), p.pronouns(), p.lastContact(), p.nextMeeting(), p.quiet());
        }
    }

    record CaseloadJson(
            UUID peerId,
            String name,
            boolean volunteer,
            int participants,
            int capacity,
            boolean accepting,
            int interactions30d,
            int minutes30d,
            int groupMinutes30d,
            int groupsLed,
            double hours30d) {
        static CaseloadJson of(Caseloads.Row r) {
            return new CaseloadJson(
                    r.peer().value(),
                    r.name(),
                    r.volunteer(),
                    r.participants(),
                    r.capacity(),
                    r.accepting(),
                    r.interactions30d(),
                    r.minutes30d(),
                    r.groupMinutes30d(),
                    r.groupsLed(),
                    r.hours30d());
        }
    }

    record DayJson(
            List<ParticipantJson> participants,
            List<ParticipantJson> meetingsToday,
            List<GroupTodayJson> groupsToday,
            List<UUID> referralsWaitingForMe,
            int referralsToCoordinate,
            int minutesThisMonth,
            int capacity) {}

    record GroupTodayJson(
            UUID group,
            String name,
            @Nullable LocalTime startsAt,
            @Nullable String place,
            boolean leading) {
        static GroupTodayJson of(Caseloads.GroupToday g) {
            return new GroupTodayJson(g.group().value(), g.name(), g.startsAt(), g.place(), g.leading());
        }
    }
}
