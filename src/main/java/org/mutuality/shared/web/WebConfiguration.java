package org.mutuality.shared.web;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Language choice: English or French, switched with {@code ?lang=} and remembered in a cookie. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /** The languages Mutuality speaks; any other asked for reads in English. */
    static final java.util.Set<String> SPOKEN = java.util.Set.of("en", "fr");

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("mutuality-lang") {
            @Override
            public void setLocale(
                    jakarta.servlet.http.HttpServletRequest request,
                    jakarta.servlet.http.@org.jspecify.annotations.Nullable HttpServletResponse response,
                    @org.jspecify.annotations.Nullable Locale locale) {
                super.setLocale(request, response, spoken(locale));
            }

            @Override
            public Locale resolveLocale(jakarta.servlet.http.HttpServletRequest request) {
                return spoken(super.resolveLocale(request));
            }
        };
        resolver.setDefaultLocale(Locale.ENGLISH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    /** English or French: a language Mutuality does not speak (?lang=es, a cookie) reads in English. */
    static Locale spoken(@org.jspecify.annotations.Nullable Locale locale) {
        return locale != null && SPOKEN.contains(locale.getLanguage()) ? locale : Locale.ENGLISH;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
