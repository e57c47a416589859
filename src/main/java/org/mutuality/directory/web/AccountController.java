package org.mutuality.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.mutuality.directory.ApiTokenId;
import org.mutuality.directory.Directory;
import org.mutuality.directory.IssuedToken;
import org.mutuality.directory.SignedInUser;
import org.mutuality.directory.account.Sessions;
import org.mutuality.shared.web.Pages;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The sign-in page and the person's own account pages: password, API tokens and sessions. */
@Controller
class AccountController {

    static final String LOGIN = "directory/login";
    static final String ACCOUNT = "directory/account";
    static final String SESSIONS = "directory/sessions";

    private final Directory directory;
    private final Clock clock;

    private final Pages pages;

    AccountController(Directory directory, Clock clock, Pages pages) {
        this.pages = pages;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/login")
    String login() {
        return LOGIN;
    }

    /** The page behind the emailed link: the person chooses the first password of their account. */
    @GetMapping("/account/invitation")
    String invitation(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("token", token == null ? "" : token);
        return "directory/invitation";
    }

    @PostMapping("/account/invitation")
    String acceptInvitation(
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String password,
            Model model) {
        try {
            directory.acceptInvitation(token == null ? "" : token, password == null ? "" : password);
            return "redirect:/login?activated";
        } catch (org.mutuality.shared.NotFoundException e) {
            model.addAttribute("problem", "invitation.unknown");
        } catch (IllegalArgumentException e) {
            model.addAttribute("problem", "invitation.passwordRefused");
        }
        model.addAttribute("token", token == null ? "" : token);
        return "directory/invitation";
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("tokens", directory.tokensOf(user));
        model.addAttribute("now", clock.instant());
        model.addAttribute("maxHours", directory.tokenMaxLifetime().toHours());
        return ACCOUNT;
    }

    @PostMapping("/account/tokens")
    String issue(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String label,
            @RequestParam(defaultValue = "8") int hours,
            @RequestParam(defaultValue = "false") boolean endWithSession,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        long maxHours = directory.tokenMaxLifetime().toHours();
        if (hours < 1 || hours > maxHours || label.length() > 100) {
            redirect.addFlashAttribute("tokenProblemHours", maxHours);
            return "redirect:/account";
        }
        IssuedToken issued = directory.issueToken(
                user,
                label.isBlank() ? "API" : label.strip(),
                Duration.ofHours(hours),
                endWithSession ? Sessions.browserSessionOf(request) : null);
        redirect.addFlashAttribute("issuedToken", issued.token());
        return "redirect:/account";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        boolean revoked = directory.revokeToken(user, new ApiTokenId(id));
        redirect.addFlashAttribute(revoked ? "notice" : "problem", revoked ? "token.revoked" : "token.notFound");
        return "redirect:/account";
    }

    @PostMapping("/account/password")
    String changePassword(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam String currentPassword,
            @RequestParam String newPassword,
            @RequestParam String confirmPassword,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        if (!newPassword.equals(confirmPassword)) {
            redirect.addFlashAttribute("problem", "password.mismatch");
            return "redirect:/account";
        }
        try {
            directory.changePassword(user, currentPassword, newPassword, Sessions.browserSessionOf(request));
            redirect.addFlashAttribute("notice", "password.changed");
        } catch (IllegalArgumentException e) {
            pages.problem(redirect, e);
        }
        return "redirect:/account";
    }

    @GetMapping("/account/sessions")
    String sessions(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, Model model) {
        model.addAttribute("sessions", directory.sessionsOf(user, Sessions.browserSessionOf(request), null));
        return SESSIONS;
    }

    @PostMapping("/account/sessions/{id}/end")
    String endSession(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        boolean ended = directory.endSession(user, id);
        redirect.addFlashAttribute(ended ? "notice" : "problem", ended ? "sessions.ended" : "sessions.notFound");
        return "redirect:/account/sessions";
    }

    @PostMapping("/account/sessions/end-others")
    String endOthers(
            @AuthenticationPrincipal SignedInUser user, HttpServletRequest request, RedirectAttributes redirect) {
        directory.endOtherSessions(user, Sessions.browserSessionOf(request), null);
        redirect.addFlashAttribute("notice", "sessions.othersEnded");
        return "redirect:/account/sessions";
    }
}
