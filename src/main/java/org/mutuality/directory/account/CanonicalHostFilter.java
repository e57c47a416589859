package org.mutuality.directory.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Presents every request as addressed to the configured base URL, whatever its {@code Host} or
 * {@code X-Forwarded-Host} header says. Spring Security and saved requests build absolute redirects
 * from the request's host, so without this a forged host would make a redirect (and any cache in
 * front of Mutuality) point at another site. Unknown hosts are ignored rather than refused so that
 * load balancer probes addressed by IP keep working. Whether the request itself came over HTTPS
 * ({@link HttpServletRequest#isSecure()}, which decides HSTS) is left as the trusted proxy said.
 */
final class CanonicalHostFilter extends OncePerRequestFilter {

    private final String scheme;
    private final String host;
    private final int port;

    CanonicalHostFilter(String baseUrl) {
        URI uri = URI.create(baseUrl.strip());
        if (uri.getScheme() == null
                || uri.getHost() == null
                || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
            throw new IllegalStateException(
                    "mutuality.base-url must be an absolute http or https URL, was \"" + baseUrl + "\"");
        }
        this.scheme = uri.getScheme();
        this.host = uri.getHost().toLowerCase(Locale.ROOT);
        this.port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Canonical(request), new Redirects(response));
    }

    /**
     * Tomcat would turn a redirect to a path into an absolute URL from the raw request's host, past
     * this filter: a path gets the base URL instead. (The {@code prod} profile also keeps Tomcat's
     * redirects relative, so nothing slips through another way.)
     */
    private final class Redirects extends HttpServletResponseWrapper {

        Redirects(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            super.sendRedirect(absolute(location));
        }

        @Override
        public void sendRedirect(String location, boolean clearBuffer) throws IOException {
            super.sendRedirect(absolute(location), clearBuffer);
        }

        @Override
        public void sendRedirect(String location, int sc) throws IOException {
            super.sendRedirect(absolute(location), sc);
        }

        @Override
        public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
            super.sendRedirect(absolute(location), sc, clearBuffer);
        }

        private String absolute(String location) {
            return location.startsWith("/") && !location.startsWith("//") ? authority() + location : location;
        }
    }

    private final class Canonical extends HttpServletRequestWrapper {

        Canonical(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getScheme() {
            return scheme;
        }

        @Override
        public String getServerName() {
            return host;
        }

        @Override
        public int getServerPort() {
            return port;
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(authority()).append(getRequestURI());
        }

        @Override
        public @Nullable String getHeader(String name) {
            return isHost(name) ? hostHeader() : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return isHost(name) ? Collections.enumeration(List.of(hostHeader())) : super.getHeaders(name);
        }

        private boolean isHost(String name) {
            return name.equalsIgnoreCase("Host") || name.equalsIgnoreCase("X-Forwarded-Host");
        }
    }

    private String hostHeader() {
        return defaultPort() ? host : host + ":" + port;
    }

    private String authority() {
        return scheme + "://" + hostHeader();
    }

    private boolean defaultPort() {
        return (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
    }
}
