package com.realsim.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequestWrapper;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The handler mapping matches a request only against the mappings whose literal start fits its path (the card-status
 * read was matched against every mapping of the application), and finds, refuses and falls back exactly as Spring
 * MVC's own: the right handler, 405 for another method, the ordinary matching for an escaped path.
 */
class PrefixFirstHandlerMappingTest {

    static final int OTHER_MAPPINGS = 200;

    final PrefixFirstHandlerMapping mapping = new PrefixFirstHandlerMapping();
    final Handlers handlers = new Handlers();

    static class Handlers {
        String card(String iccid) {
            return iccid;
        }

        String other(String id) {
            return id;
        }
    }

    @BeforeEach
    void register() throws Exception {
        RequestMappingInfo.BuilderConfiguration options = new RequestMappingInfo.BuilderConfiguration();
        options.setPatternParser(new PathPatternParser());
        Method card = Handlers.class.getDeclaredMethod("card", String.class);
        Method other = Handlers.class.getDeclaredMethod("other", String.class);
        for (int i = 0; i < OTHER_MAPPINGS; i++) {
            mapping.registerMapping(
                    RequestMappingInfo.paths("/api/v1/other-" + i + "/{id}")
                            .methods(RequestMethod.GET)
                            .options(options)
                            .build(),
                    handlers,
                    other);
        }
        mapping.registerMapping(
                RequestMappingInfo.paths("/api/v1/cards/{iccid}")
                        .methods(RequestMethod.GET)
                        .options(options)
                        .build(),
                handlers,
                card);
    }

    @Test
    void aRequestIsMatchedOnlyAgainstTheMappingsWhoseLiteralStartFitsItsPath() throws Exception {
        AtomicInteger methodAsked = new AtomicInteger();
        var request = new HttpServletRequestWrapper(request("GET", "/api/v1/cards/89860000000000000001")) {
            @Override
            public String getMethod() {
                methodAsked.incrementAndGet();
                return super.getMethod();
            }
        };

        assertThat(handlerOf(mapping.getHandler(request))).isEqualTo("card");
        // Spring MVC's own mapping asks each of the 201 mappings for the method
        assertThat(methodAsked.get()).isLessThan(10);
    }

    @Test
    void anotherMethodIsRefusedAsSpringMvcRefusesIt() {
        assertThatThrownBy(() -> mapping.getHandler(request("POST", "/api/v1/cards/89860000000000000001")))
                .isInstanceOf(HttpRequestMethodNotSupportedException.class);
    }

    @Test
    void aPathThatFitsNoMappingFindsNone() throws Exception {
        assertThat(mapping.getHandler(request("GET", "/api/v1/nothing/1"))).isNull();
        assertThat(handlerOf(mapping.getHandler(request("GET", "/api/v1/other-7/1"))))
                .isEqualTo("other");
    }

    @Test
    void anEscapedPathIsMatchedTheOrdinaryWay() throws Exception {
        assertThat(handlerOf(mapping.getHandler(request("GET", "/api/v1/c%61rds/89860000000000000001"))))
                .isEqualTo("card");
    }

    @Test
    void theLiteralStartEndsAtTheFirstVariableOrWildcard() {
        assertThat(PrefixFirstHandlerMapping.literalStart("/api/v1/cards/{iccid}/end-user"))
                .isEqualTo("/api/v1/cards/");
        assertThat(PrefixFirstHandlerMapping.literalStart("/files/*.csv")).isEqualTo("/files/");
        assertThat(PrefixFirstHandlerMapping.literalStart("/a?c")).isEqualTo("/a");
        assertThat(PrefixFirstHandlerMapping.literalStart("/**")).isEqualTo("/");
        assertThat(PrefixFirstHandlerMapping.literalStart("/cards")).isEqualTo("/cards");
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }

    private static String handlerOf(HandlerExecutionChain chain) {
        return ((HandlerMethod) chain.getHandler()).getMethod().getName();
    }
}
