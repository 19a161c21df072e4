package com.realsim.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks a handler's {@code @PreAuthorize} role before Spring MVC reads and validates the request body. Method
 * security alone runs after argument binding, so a caller without the role who sent an invalid body would learn the
 * field rules from a 400 instead of getting 403. Expressions that look at arguments ({@code #…}) are left to method
 * security, which still checks every call as well.
 */
class RolesBeforeBinding implements HandlerInterceptor {

    private final PreAuthorizeAuthorizationManager roles = new PreAuthorizeAuthorizationManager();

    /** Whether a handler's role can be checked before binding, per handler (looking for annotations is not cheap). */
    private final Map<Handler, Boolean> checkable = new ConcurrentHashMap<>();

    private record Handler(Class<?> type, Method method) {}

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod)) {
            return true;
        }
        HandlerMethod method = (HandlerMethod) handler;
        if (!checkable.computeIfAbsent(
                new Handler(method.getBeanType(), method.getMethod()), RolesBeforeBinding::checkableBeforeBinding)) {
            return true;
        }
        AuthorizationResult result = roles.authorize(
                SecurityContextHolder.getContext()::getAuthentication,
                new SimpleMethodInvocation(method.getBean(), method.getMethod()));
        if (result != null && !result.isGranted()) {
            throw new AccessDeniedException("Access Denied");
        }
        return true;
    }

    private static boolean checkableBeforeBinding(Handler handler) {
        PreAuthorize annotation = AnnotatedElementUtils.findMergedAnnotation(handler.method(), PreAuthorize.class);
        if (annotation == null) {
            annotation = AnnotatedElementUtils.findMergedAnnotation(handler.type(), PreAuthorize.class);
        }
        return annotation != null && !annotation.value().contains("#");
    }
}
