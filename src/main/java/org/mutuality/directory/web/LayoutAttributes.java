package org.mutuality.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Directory;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.web.LayoutModel;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.ModelAndView;

/**
 * Adds who is signed in and their agency to every rendered page, for the shared layout. JSON
 * responses and redirects are left alone.
 */
@Configuration(proxyBeanMethods = false)
class LayoutAttributes extends LayoutModel {

    private final Directory directory;

    LayoutAttributes(Directory directory) {
        this.directory = directory;
    }

    @Override
    protected void addTo(ModelAndView view, HttpServletRequest request) {
        SignedInUser user = currentUser();
        view.addObject("currentUser", user);
        view.addObject(
                "currentPath",
                request.getRequestURI().substring(request.getContextPath().length()));
        view.addObject("agencyName", user == null ? null : directory.agencyName(user.agencyId()));
        view.addObject("demoAgency", user != null && directory.isDemo(user.agencyId()));
    }

    private static @Nullable SignedInUser currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser user ? user : null;
    }
}
