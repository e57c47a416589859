package org.mutuality.home;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.mutuality.access.BreakGlass;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.SignedInUser;
import org.mutuality.practice.BoundaryAgreements;
import org.mutuality.practice.Supervisions;
import org.mutuality.safety.Concerns;
import org.mutuality.support.Caseloads;
import org.mutuality.support.Referral;
import org.mutuality.support.Referrals;
import org.mutuality.workforce.Onboardings;
import org.mutuality.workforce.RoleDescriptions;
import org.mutuality.workforce.Timesheets;
import org.mutuality.workforce.Trainings;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home screen: who you are here, your roles today, and for peer workers and coordinators their
 * day (participants, today's meetings and groups, what waits for them); supervision that is overdue
 * for either of its two people; the role descriptions the person has yet to read; their onboarding
 * and that of the people they supervise; what waits for them (hours to approve, concerns to take,
 * break-the-glass uses to review); then where to go
 * next (a person's boundary agreements only when they are one of the two of one).
 */
@Controller
class HomeController {

    static final String HOME = "home/index";

    private final Directory directory;
    private final Caseloads caseloads;
    private final Referrals referrals;
    private final Supervisions supervisions;
    private final BoundaryAgreements agreements;
    private final RoleDescriptions roleDescriptions;
    private final Onboardings onboardings;
    private final Timesheets timesheets;
    private final Trainings trainings;
    private final Concerns concerns;
    private final BreakGlass breakGlass;
    private final Clock clock;

    HomeController(
            Directory directory,
            Caseloads caseloads,
            Referrals referrals,
            Supervisions supervisions,
            BoundaryAgreements agreements,
            RoleDescriptions roleDescriptions,
            Onboardings onboardings,
            Timesheets timesheets,
            Trainings trainings,
            Concerns concerns,
            BreakGlass breakGlass,
            Clock clock) {
        this.directory = directory;
        this.caseloads = caseloads;
        this.referrals = referrals;
        this.supervisions = supervisions;
        this.agreements = agreements;
        this.roleDescriptions = roleDescriptions;
        this.onboardings = onboardings;
        this.timesheets = timesheets;
        this.trainings = trainings;
        this.concerns = concerns;
        this.breakGlass = breakGlass;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInUser user, Model model) {
        Person me = directory.requirePerson(user.agencyId(), user.personId());
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("me", me);
        model.addAttribute("myRoles", me.activeRoles(today));
        model.addAttribute("programCount", directory.programs(user.agencyId()).size());
        boolean peer = me.activeRoles(today).stream().anyMatch(org.mutuality.directory.Role::isPeer);
        boolean coordinator = referrals.isCoordinator(user);
        model.addAttribute("peer", peer);
        model.addAttribute("coordinator", coordinator);
        if (peer || coordinator) {
            model.addAttribute("day", caseloads.myDay(user));
        }
        model.addAttribute("overdueSupervision", supervisions.overdueFor(user));
        List<Referral> mine = referrals.mine(user);
        model.addAttribute("myReferrals", mine);
        if (!mine.isEmpty() || user.isStaff()) {
            model.addAttribute("names", directory.displayNames(user.agencyId()));
        }
        model.addAttribute("hasAgreement", agreements.partyToAny(user));
        model.addAttribute("rolesToRead", roleDescriptions.toRead(user));
        if (user.isStaff()) {
            onboardings.mine(user).filter(p -> !p.closed()).ifPresent(p -> model.addAttribute("myOnboarding", p));
            model.addAttribute("onboardingOf", onboardings.supervising(user));
            model.addAttribute("today", today);
            model.addAttribute("hoursToApprove", timesheets.waitingFor(user).size());
            model.addAttribute("concernsToTake", concerns.waitingToBeTaken(user));
            model.addAttribute("breakGlassToReview", breakGlass.waitingForReview(user));
            model.addAttribute("trainingsDue", trainings.dueFor(user));
        }
        return HOME;
    }
}
