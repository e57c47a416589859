package org.mutuality.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds the handler of a request whose path has a variable ({@code /api/v1/people/{id}/notes}) by
 * its path first. Spring MVC looks such a request up against every one of Mutuality's 400-odd
 * mappings and asks each for the method, the accepted types and whether it is a CORS pre-flight
 * before it compares the path: a quarter of the CPU of a request for a page of notes went there
 * (JFR, issue 20). A mapping none of whose paths starts like the request's (the literal text before
 * the first variable) is now passed over at once; the others are matched exactly as before.
 */
@Configuration(proxyBeanMethods = false)
class PathFirstMappings {

    @Bean
    WebMvcRegistrations pathFirstRegistrations() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PathFirst();
            }
        };
    }

    /** The usual handler mapping, which passes over a mapping whose path cannot match first. */
    static final class PathFirst extends RequestMappingHandlerMapping {

        /** The path being looked up on this thread, while {@link #lookupHandlerMethod} runs. */
        private static final ThreadLocal<@Nullable String> LOOKUP = new ThreadLocal<>();

        /** Per mapping, the literal start of each of its paths (up to the first variable or wildcard). */
        private final Map<RequestMappingInfo, String[]> starts = new ConcurrentHashMap<>();

        @Override
        protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
                throws Exception {
            LOOKUP.set(lookupPath);
            try {
                return super.lookupHandlerMethod(lookupPath, request);
            } finally {
                LOOKUP.remove();
            }
        }

        @Override
        protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            String path = LOOKUP.get();
            PathPatternsRequestCondition paths = info.getPathPatternsCondition();
            // an escaped path (%xx) is matched decoded: it goes the usual way
            if (path != null
                    && path.indexOf('%') < 0
                    && paths != null
                    && !paths.isEmptyPathMapping()
                    && !startsLikeOneOf(path, info, paths)) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }

        private boolean startsLikeOneOf(String path, RequestMappingInfo info, PathPatternsRequestCondition paths) {
            for (String start : starts.computeIfAbsent(info, i -> literalStarts(paths))) {
                if (path.startsWith(start)) {
                    return true;
                }
            }
            return false;
        }

        private static String[] literalStarts(PathPatternsRequestCondition paths) {
            return paths.getPatterns().stream()
                    .map(PathPattern::getPatternString)
                    .map(pattern -> {
                        int variable = indexOfAny(pattern, "{*?");
                        return variable < 0 ? pattern : pattern.substring(0, variable);
                    })
                    .toArray(String[]::new);
        }

        private static int indexOfAny(String text, String characters) {
            for (int i = 0; i < text.length(); i++) {
                if (characters.indexOf(text.charAt(i)) >= 0) {
                    return i;
                }
            }
            return -1;
        }
    }
}
