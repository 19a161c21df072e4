package com.realsim.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's handler mapping with an index of the mappings by the literal start of their patterns. A path with a
 * variable ({@code /api/v1/cards/{iccid}}) is not among Spring MVC's direct paths, so Spring MVC matched every such
 * request against each of the application's few hundred mappings (method, headers, media types, pattern): the largest
 * single cost of a card-status read in Spring MVC (docs/benchmarks.md). Here a request is matched, the way Spring MVC
 * matches, only against the mappings whose literal start (up to the first variable or wildcard) begins its path; a
 * mapping that does not cannot match it. When exactly one of them matches, it is the handler, as Spring MVC would find
 * (it compares matches only when there are several). Everything else goes to Spring MVC's own lookup unchanged: no
 * match (404, 405, 415 are judged on all mappings), several matches (the best one is chosen there), CORS pre-flight
 * requests, and paths with an escape ({@code %}) or a matrix variable ({@code ;}), whose literal text may differ from
 * what the patterns match.
 */
final class PrefixFirstHandlerMapping extends RequestMappingHandlerMapping {

    /** The literal starts' mappings, keyed by the start up to its last {@code /}; rebuilt when mappings change. */
    private volatile Index index;

    @Override
    public void afterPropertiesSet() {
        super.afterPropertiesSet();
        index = new Index(getHandlerMethods());
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        super.registerMapping(mapping, handler, method);
        index = new Index(getHandlerMethods());
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        index = new Index(getHandlerMethods());
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        Index current = index;
        if (current != null
                && lookupPath.indexOf('%') < 0
                && lookupPath.indexOf(';') < 0
                && !CorsUtils.isPreFlightRequest(request)) {
            RequestMappingInfo matched = null;
            RequestMappingInfo matchedMapping = null;
            for (RequestMappingInfo candidate : current.candidates(lookupPath)) {
                RequestMappingInfo match = getMatchingMapping(candidate, request);
                if (match != null) {
                    if (matched != null) {
                        return super.lookupHandlerMethod(lookupPath, request); // several: Spring MVC picks the best
                    }
                    matched = match;
                    matchedMapping = candidate;
                }
            }
            if (matched != null) {
                HandlerMethod handler = current.handlers().get(matchedMapping);
                request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
                handleMatch(matched, lookupPath, request);
                return handler;
            }
        }
        return super.lookupHandlerMethod(lookupPath, request);
    }

    /** The pattern up to its first variable ({@code {…}}) or wildcard ({@code *}, {@code ?}). */
    static String literalStart(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' || c == '*' || c == '?') {
                return pattern.substring(0, i);
            }
        }
        return pattern;
    }

    /** One literal start and its mapping. */
    private record Start(String literal, RequestMappingInfo mapping) {}

    /**
     * The mappings by the literal starts of their patterns, each start filed under its part up to its last {@code /};
     * mappings without path patterns, or with a pattern that starts with a variable, are candidates for every path.
     */
    private record Index(
            Map<RequestMappingInfo, HandlerMethod> handlers,
            Map<String, List<Start>> byFolder,
            List<RequestMappingInfo> everywhere) {

        Index(Map<RequestMappingInfo, HandlerMethod> handlers) {
            this(Map.copyOf(handlers), new HashMap<>(), new ArrayList<>());
            for (RequestMappingInfo mapping : this.handlers.keySet()) {
                PathPatternsRequestCondition patterns = mapping.getPathPatternsCondition();
                List<String> literals = patterns == null
                        ? List.of()
                        : patterns.getPatterns().stream()
                                .map(PathPattern::getPatternString)
                                .map(PrefixFirstHandlerMapping::literalStart)
                                .toList();
                if (literals.isEmpty() || literals.contains("")) {
                    everywhere.add(mapping);
                    continue;
                }
                for (String literal : literals) {
                    byFolder.computeIfAbsent(literal.substring(0, literal.lastIndexOf('/') + 1), f -> new ArrayList<>())
                            .add(new Start(literal, mapping));
                }
            }
        }

        /** The mappings with a literal start that begins this path (a mapping with several such starts, once each). */
        List<RequestMappingInfo> candidates(String path) {
            List<RequestMappingInfo> candidates = new ArrayList<>(everywhere);
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                List<Start> starts = byFolder.get(path.substring(0, slash + 1));
                if (starts != null) {
                    for (Start start : starts) {
                        if (path.startsWith(start.literal()) && !candidates.contains(start.mapping())) {
                            candidates.add(start.mapping());
                        }
                    }
                }
            }
            return candidates;
        }
    }

    /** Spring Boot's MVC configuration takes its request-mapping handler mapping from here. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        WebMvcRegistrations prefixFirstHandlerMapping() {
            return new WebMvcRegistrations() {
                @Override
                public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                    return new PrefixFirstHandlerMapping();
                }
            };
        }
    }
}
