package com.realsim.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Every page and API controller says which roles may use it, on the class ({@code @PreAuthorize}), so that a new
 * controller cannot be left open by forgetting it. The few without one are named here, with the reason.
 */
class ControllerSecurityTest {

    /** Sign-in page and dashboard (the filter chain requires a signed-in user for "/"), and the error pages. */
    static final Set<String> WITHOUT_ROLE_CHECK =
            Set.of("com.realsim.platform.web.HomeController", "com.realsim.platform.web.ErrorPageController");

    @Test
    void everyControllerDeclaresItsRoles() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class)); // also finds @RestController
        Set<String> open = new TreeSet<>();
        int controllers = 0;
        for (BeanDefinition candidate : scanner.findCandidateComponents("com.realsim")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            controllers++;
            if (!type.isAnnotationPresent(PreAuthorize.class) && !WITHOUT_ROLE_CHECK.contains(type.getName())) {
                open.add(type.getName());
            }
        }
        assertThat(controllers).isGreaterThan(15);
        assertThat(open).as("controllers without a class-level @PreAuthorize").isEmpty();
    }
}
