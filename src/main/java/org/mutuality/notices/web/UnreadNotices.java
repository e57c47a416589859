package org.mutuality.notices.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.SignedInUser;
import org.mutuality.notices.Notices;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Adds the signed-in person's count of unread notices to every rendered page, for the layout. */
@Configuration(proxyBeanMethods = false)
class UnreadNotices implements WebMvcConfigurer, HandlerInterceptor {

    private final Notices notices;

    UnreadNotices(Notices notices) {
        this.notices = notices;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**");
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable ModelAndView view) {
        if (view == null || (view.getViewName() != null && view.getViewName().startsWith("redirect:"))) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            view.addObject("unreadNotices", notices.unreadCount(user));
        }
    }
}
