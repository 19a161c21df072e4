package com.realsim.account.web;

import com.realsim.account.AccountUserDetails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Sends a person whose password an ADMIN reset to {@link PasswordChangeController} from every page until they have
 * chosen a new one. Only browser sessions of accounts carry the demand: API clients (bearer tokens) never meet it.
 */
@Configuration(proxyBeanMethods = false)
class PasswordChangeRequired implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this)
                .excludePathPatterns(
                        PasswordChangeController.PATH,
                        "/login",
                        "/logout",
                        "/error",
                        "/css/**",
                        "/js/**",
                        "/webjars/**",
                        "/favicon.ico")
                .order(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!pending()) {
            return true;
        }
        response.sendRedirect(request.getContextPath() + PasswordChangeController.PATH);
        return false;
    }

    /** Whether the signed-in person must still choose a new password. */
    static boolean pending() {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        return signedIn != null
                && signedIn.getPrincipal() instanceof AccountUserDetails user
                && user.mustChangePassword();
    }
}
