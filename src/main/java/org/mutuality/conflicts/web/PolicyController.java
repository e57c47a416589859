package org.mutuality.conflicts.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mutuality.conflicts.ConflictCheck;
import org.mutuality.conflicts.PolicyVersion;
import org.mutuality.conflicts.policy.InvalidPolicy;
import org.mutuality.conflicts.policy.PolicyDiff;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.NotFoundException;
import org.mutuality.shared.Tokens;
import org.mutuality.shared.web.Pages;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The conflict policy page: read by staff, changed by the privacy lead, with every version kept. A
 * change is previewed first (which of today's pairings would get another decision, and the lines
 * changed); only the text that was previewed can be put in force. Any version can be compared with
 * another and brought back into the editor to be put in force again.
 */
@Controller
class PolicyController {

    static final String PAGE = "conflicts/policy";

    private final ConflictCheck check;
    private final Pages pages;
    private final MessageSource messages;

    PolicyController(ConflictCheck check, Pages pages, MessageSource messages) {
        this.check = check;
        this.pages = pages;
        this.messages = messages;
    }

    /** The policy in force; {@code ?from=N} opens the editor on version N's text, to put it back. */
    @GetMapping("/conflicts/policy")
    String page(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) @Nullable Integer from,
            Model model) {
        ConflictsApi.requireStaff(user);
        PolicyVersion current = check.policy(user.agencyId());
        String text = current.text();
        if (from != null && user.has(Role.PRIVACY_LEAD)) {
            text = versionOf(user, from).text();
            model.addAttribute(
                    "reason",
                    messages.getMessage("policy.backTo", new Object[] {from}, LocaleContextHolder.getLocale()));
            model.addAttribute("restoring", from);
        }
        addModel(user, current, text, model);
        return PAGE;
    }

    /** One version, with the lines it changed against another ({@code ?against=}, by default the one before). */
    @GetMapping("/conflicts/policy/versions/{version}")
    String version(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable int version,
            @RequestParam(required = false) @Nullable Integer against,
            Model model) {
        ConflictsApi.requireStaff(user);
        PolicyVersion shown = versionOf(user, version);
        addModel(user, shown, shown.text(), model);
        model.addAttribute(
                "viewingOld", shown.version() != check.policy(user.agencyId()).version());
        model.addAttribute("versionPage", true);
        int other = against != null ? against : version - 1;
        if (other >= 0 && other != version) {
            PolicyVersion compared = versionOf(user, other);
            PolicyVersion older = compared.version() < shown.version() ? compared : shown;
            PolicyVersion newer = older == shown ? compared : shown;
            model.addAttribute("diffOlder", older.version());
            model.addAttribute("diffNewer", newer.version());
            model.addAttribute("diff", PolicyDiff.between(older.text(), newer.text()));
        }
        return PAGE;
    }

    /** What the text would change, without changing anything; the only way to the button that does. */
    @PostMapping("/conflicts/policy/preview")
    String preview(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String reason,
            Model model) {
        ConflictsApi.requireStaff(user);
        preview(user, text, model);
        addModel(user, check.policy(user.agencyId()), text, model);
        model.addAttribute("reason", reason);
        return PAGE;
    }

    @PostMapping("/conflicts/policy")
    String change(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String previewed,
            Model model,
            RedirectAttributes redirect) {
        ConflictsApi.requireStaff(user);
        if (!previewed.equals(fingerprint(check.policy(user.agencyId()).version(), text))) {
            // Not the text that was previewed: preview this one instead of putting it in force unseen.
            model.addAttribute("previewAgain", !previewed.isEmpty());
            preview(user, text, model);
        } else {
            try {
                PolicyVersion saved = check.changePolicy(user, text, reason);
                redirect.addFlashAttribute("notice", "policy.saved");
                redirect.addFlashAttribute("savedVersion", saved.version());
                return "redirect:/conflicts/policy";
            } catch (InvalidPolicy e) {
                invalid(e, model);
            } catch (IllegalArgumentException e) {
                pages.problem(model, e);
                preview(user, text, model);
            }
        }
        addModel(user, check.policy(user.agencyId()), text, model);
        model.addAttribute("reason", reason);
        return PAGE;
    }

    private void preview(SignedInUser user, String text, Model model) {
        try {
            org.mutuality.conflicts.PolicyPreview preview = check.previewPolicy(user, text);
            model.addAttribute("preview", preview);
            model.addAttribute("previewed", fingerprint(preview.version(), text));
            model.addAttribute(
                    "diff", PolicyDiff.between(check.policy(user.agencyId()).text(), text));
        } catch (InvalidPolicy e) {
            invalid(e, model);
        }
    }

    private void invalid(InvalidPolicy e, Model model) {
        model.addAttribute("policyError", pages.text(e.explanation()));
        model.addAttribute("policyErrorLine", e.line());
    }

    private PolicyVersion versionOf(SignedInUser user, int version) {
        return check.policyVersion(user.agencyId(), version)
                .orElseThrow(() -> new NotFoundException("notFound.policyVersion", version));
    }

    /** The text as a browser sends a text area (CRLF), compared line by line with what is stored. */
    private static String normalised(String text) {
        return text.replace("\r\n", "\n");
    }

    /**
     * Which text was previewed, against which version in force: the put-in-force button carries it,
     * so a text edited since, or a preview made before someone else put a version in force, is
     * previewed again instead of being put in force unseen.
     */
    private static String fingerprint(int inForce, String text) {
        return Tokens.hash(inForce + "\n" + normalised(text));
    }

    private void addModel(SignedInUser user, PolicyVersion shown, String text, Model model) {
        model.addAttribute("shown", shown);
        model.addAttribute("text", text);
        // A text area drops the first line break after its tag: one more keeps a leading blank line.
        model.addAttribute("editorText", "\n" + text);
        model.addAttribute("lines", normalised(text).split("\n", -1));
        List<PolicyVersion> history = check.policyHistory(user.agencyId());
        model.addAttribute("history", history);
        model.addAttribute("mayEdit", user.has(Role.PRIVACY_LEAD));
        if (!model.containsAttribute("viewingOld")) {
            model.addAttribute("viewingOld", false);
        }
        if (!model.containsAttribute("versionPage")) {
            model.addAttribute("versionPage", false);
        }
    }
}
