package org.mutuality.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Adds what the shared layout shows to every page a handler draws; JSON ({@code /api/**}) and
 * redirects are left alone. A module that adds to the layout extends it as a {@code @Configuration}.
 */
public abstract class LayoutModel implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**");
    }

    @Override
    public final void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable ModelAndView view) {
        if (view != null && (view.getViewName() == null || !view.getViewName().startsWith("redirect:"))) {
            addTo(view, request);
        }
    }

    /** Adds the layout's attributes to a page about to be drawn. */
    protected abstract void addTo(ModelAndView page, HttpServletRequest request);
}
