package com.realsim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.annotation.Schedules;

/**
 * Background work has one mechanism, which runs each due run once across the instances on the database
 * ({@code platform.jobs}: {@code @Recurring} methods, {@code Jobs}). Spring's {@code @Scheduled} runs on every instance,
 * so a new one fails here.
 */
class BackgroundWorkTest {

    static final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.realsim");

    @Test
    void noMethodIsScheduledOnEveryInstance() {
        noMethods()
                .should()
                .beAnnotatedWith(Scheduled.class)
                .orShould()
                .beAnnotatedWith(Schedules.class)
                .because("@Scheduled runs on every instance; use com.realsim.platform.jobs.Recurring (docs/jobs.md)")
                .check(classes);
    }

    @Test
    void springsSchedulingIsNotEnabled() {
        noClasses()
                .should()
                .beAnnotatedWith(EnableScheduling.class)
                .because("background work runs on db-scheduler (docs/jobs.md)")
                .check(classes);
    }
}
