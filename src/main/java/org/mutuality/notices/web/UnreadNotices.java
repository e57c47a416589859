package org.mutuality.notices.web;

import jakarta.servlet.http.HttpServletRequest;
import org.mutuality.directory.SignedInUser;
import org.mutuality.notices.Notices;
import org.mutuality.shared.web.LayoutModel;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.ModelAndView;

/** Adds the signed-in person's count of unread notices to every rendered page, for the layout. */
@Configuration(proxyBeanMethods = false)
class UnreadNotices extends LayoutModel {

    private final Notices notices;

    UnreadNotices(Notices notices) {
        this.notices = notices;
    }

    @Override
    protected void addTo(ModelAndView view, HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            view.addObject("unreadNotices", notices.unreadCount(user));
        }
    }
}
