package org.mutuality.directory.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Three filter chains: the operator's endpoints (Prometheus metrics, the OpenAPI description and
 * Swagger UI) are public for newcomers by default and, with {@code mutuality.exposure.operator-only}
 * (the {@code prod} profile), answer only the operator's configured credentials over HTTP Basic; the
 * JSON API under {@code /api/**} takes bearer tokens and keeps no session; the browser UI uses form
 * sign-in with a session, CSRF protection and strict security headers. HSTS goes out on every
 * request that arrived over HTTPS (behind a proxy, as the trusted proxy reports it). See ADR 0014.
 * Every browser request is checked against the database ({@link Sessions}), and the doors anyone
 * may knock on are throttled by address ({@link AddressThrottle}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** No inline script or style anywhere: every page loads its script and styles from files. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    @Bean
    AuthenticationManager authenticationManager(
            AccountUserDetails users, PasswordEncoder encoder, ApplicationEventPublisher publisher) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(publisher));
        return manager;
    }

    /** Where an operator looks: metrics, the API description and its browser. */
    static final String[] OPERATOR_ENDPOINTS = {
        "/actuator/prometheus",
        "/actuator/prometheus/**",
        "/v3/api-docs*",
        "/v3/api-docs/**",
        "/swagger-ui.html",
        "/swagger-ui/**"
    };

    static final String OPERATOR = "OPERATOR";

    /** A year, with subdomains: a browser that once saw Mutuality over HTTPS never tries plain HTTP. */
    static final long HSTS_MAX_AGE_SECONDS = 31_536_000;

    @Bean
    @Order(0)
    SecurityFilterChain operator(
            HttpSecurity http,
            PasswordEncoder encoder,
            @Value("${mutuality.exposure.operator-only:false}") boolean operatorOnly,
            @Value("${mutuality.operator.username:}") String username,
            @Value("${mutuality.operator.password:}") String password)
            throws Exception {
        http.securityMatcher(OPERATOR_ENDPOINTS)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .httpStrictTransportSecurity(hsts ->
                                hsts.maxAgeInSeconds(HSTS_MAX_AGE_SECONDS).includeSubDomains(true)));
        if (!operatorOnly) {
            http.authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll());
            return http.build();
        }
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().hasAuthority(OPERATOR))
                .authenticationManager(operators(encoder, username, password))
                .httpBasic(basic -> basic.realmName("Mutuality operator"));
        return http.build();
    }

    /**
     * The one operator account, from configuration, never from the directory: a scraper's password
     * must not open anything else, and no one in an agency can give themselves this authority. With
     * no credentials configured nobody is an operator and the endpoints stay closed.
     */
    private static AuthenticationManager operators(PasswordEncoder encoder, String username, String password) {
        List<UserDetails> users = username.isBlank() || password.isBlank()
                ? List.of()
                : List.of(User.withUsername(username)
                        .password(encoder.encode(password))
                        .authorities(OPERATOR)
                        .build());
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(users));
        provider.setPasswordEncoder(encoder);
        return new ProviderManager(provider);
    }

    /**
     * Under {@code mutuality.exposure.canonical-host} (the {@code prod} profile) every request is seen
     * as addressed to {@code mutuality.base-url}, so no redirect can be made to point elsewhere.
     */
    @Bean
    @ConditionalOnProperty(name = "mutuality.exposure.canonical-host", havingValue = "true")
    FilterRegistrationBean<CanonicalHostFilter> canonicalHost(@Value("${mutuality.base-url:}") String baseUrl) {
        if (baseUrl.isBlank()) {
            throw new IllegalStateException(
                    "Set MUTUALITY_BASE_URL (mutuality.base-url) to the address people use: redirects point only there");
        }
        FilterRegistrationBean<CanonicalHostFilter> registration =
                new FilterRegistrationBean<>(new CanonicalHostFilter(baseUrl));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, TokenSignIn tokenSignIn, AddressThrottle throttle) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token", "/api/v1/auth/invitation")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(throttle.gate(), SecurityContextHolderFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokenSignIn), AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> problem(
                                response,
                                401,
                                "unauthorized",
                                "Unauthorized",
                                "A valid bearer token is required: POST /api/v1/auth/token to get one."))
                        .accessDeniedHandler((request, response, e) ->
                                problem(response, 403, "forbidden", "Forbidden", "You may not do this.")))
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .httpStrictTransportSecurity(hsts ->
                                hsts.maxAgeInSeconds(HSTS_MAX_AGE_SECONDS).includeSubDomains(true))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, Sessions sessions, AddressThrottle throttle) throws Exception {
        SessionStart start = new SessionStart(sessions);
        // The throttle comes first: a flood is refused before any other work, CSRF checks included.
        http.addFilterBefore(throttle.gate(), SecurityContextHolderFilter.class)
                .addFilterBefore(new BrowserSessionFilter(sessions), LogoutFilter.class)
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(
                                "/login",
                                "/setup",
                                "/account/invitation",
                                "/contact/form",
                                "/contact/confirm",
                                "/contact/crisis",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/favicon.svg",
                                "/error",
                                "/actuator/health",
                                "/actuator/health/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .failureHandler(SecurityConfiguration::signInFailed)
                        .successHandler(start))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?signedOut")
                        .addLogoutHandler(start))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .httpStrictTransportSecurity(hsts ->
                                hsts.maxAgeInSeconds(HSTS_MAX_AGE_SECONDS).includeSubDomains(true))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    private static final AuthenticationFailureHandler WRONG_CREDENTIALS =
            new SimpleUrlAuthenticationFailureHandler("/login?error");

    /**
     * A sign-in refused: back to the form, which says the user name or password is wrong. A sign-in
     * that could not be checked (the database is unavailable) is no such refusal: its failure goes
     * on to the error handling, which answers 503 while the database is away.
     */
    private static void signInFailed(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, ServletException {
        if (e instanceof AuthenticationServiceException && e.getCause() instanceof RuntimeException cause) {
            throw cause;
        }
        WRONG_CREDENTIALS.onAuthenticationFailure(request, response, e);
    }

    private static void problem(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write("{\"type\":\"https://mutuality.org/problems/" + type + "\",\"title\":\"" + title
                        + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
    }
}
