package com.realsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.identity.PersonalDataSource;
import com.realsim.platform.ActorPrincipal;
import com.realsim.platform.AuditedEvent;
import com.realsim.platform.Labelled;
import com.realsim.platform.jobs.JobHandler;
import com.realsim.verification.SelfServiceSubject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Tests run against the real modules: no test class stands in for a RealSIM module. A test class that implements or
 * extends a type of the application (a module's SPI such as {@code SelfServiceSubject}, {@code ExceptionEligibility},
 * {@code PersonalDataSource}, {@code DocumentStore}, the platform's {@code EnterpriseDirectory} or
 * {@code ApiClientDirectory}, or a service class), a test configuration that declares a bean of an application type,
 * or a test double made with Mockito would replace what the application really does with what a test author assumed
 * — so the module's real wiring, scope and rules would never run together with the caller's. Other modules' tests
 * use the module itself (for cards: {@code card.RealCards}); external services are real servers
 * ({@code FakeVerificationServer} speaks HTTP).
 */
class NoStandInsTest {

    /** The platform's building blocks that any code, tests included, implements on purpose — and why. */
    static final Map<Class<?>, String> MEANT_TO_BE_IMPLEMENTED = Map.of(
            AuditedEvent.class, "a probe event sent through the real audit trail",
            Labelled.class, "a probe code rendered through the real message bundles",
            ActorPrincipal.class, "how a test request or use case is signed in as an actor",
            JobHandler.class, "a probe kind of job run by the real scheduler, to test the job mechanism itself");

    /** Libraries whose only job is to make doubles of collaborators. */
    static final List<String> DOUBLES =
            List.of("org.mockito.", "org.springframework.test.context.bean.override.mockito.");

    @Test
    void noTestClassStandsInForAModule() throws Exception {
        List<Class<?>> tests = testClasses();
        assertThat(tests).as("the test classes were read").hasSizeGreaterThan(100);
        assertThat(standIns(tests)).isEmpty();
    }

    @Test
    void theGuardNamesEachKindOfStandIn() {
        assertThat(standIns(List.of(
                        StandInSamples.SubjectInMemory.class,
                        StandInSamples.DataSourceInMemory.class,
                        StandInSamples.ConfigurationWithAnApplicationBean.class,
                        StandInSamples.ProbeEvent.class)))
                .containsExactly(
                        StandInSamples.SubjectInMemory.class.getName() + " implements "
                                + SelfServiceSubject.class.getName() + " of the application",
                        StandInSamples.DataSourceInMemory.class.getName() + " implements "
                                + PersonalDataSource.class.getName() + " of the application",
                        StandInSamples.ConfigurationWithAnApplicationBean.class.getName()
                                + ".cards() declares a bean of the application's type "
                                + PersonalDataSource.class.getName());
    }

    /** What is wrong with each of these test classes, one line each. */
    static List<String> standIns(List<Class<?>> tests) {
        List<String> found = new ArrayList<>();
        for (Class<?> test : tests) {
            List<Class<?>> supertypes = new ArrayList<>(List.of(test.getInterfaces()));
            if (test.getSuperclass() != null) {
                supertypes.add(test.getSuperclass());
            }
            for (Class<?> supertype : supertypes) {
                if (application(supertype) && !MEANT_TO_BE_IMPLEMENTED.containsKey(supertype)) {
                    found.add(test.getName() + (supertype.isInterface() ? " implements " : " extends ")
                            + supertype.getName() + " of the application");
                }
            }
            for (Method method : test.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Bean.class) && application(method.getReturnType())) {
                    found.add(test.getName() + "." + method.getName() + "() declares a bean of the application's type "
                            + method.getReturnType().getName());
                }
            }
        }
        return found;
    }

    @Test
    void noTestMakesDoublesOfCollaborators() throws Exception {
        List<String> users = new ArrayList<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (Resource resource : testClassFiles(resolver)) {
            String bytes = new String(resource.getContentAsByteArray(), StandardCharsets.ISO_8859_1);
            for (String library : DOUBLES) {
                if (bytes.contains(library.replace('.', '/'))) {
                    users.add(resource.getFilename() + " uses " + library);
                }
            }
        }
        assertThat(users)
                .as("tests that make doubles instead of using the real module")
                .isEmpty();
    }

    // --- reading the classes ------------------------------------------------------------------------------------

    /** A type of the application's main code (not of the tests). */
    static boolean application(Class<?> type) {
        return type.getName().startsWith("com.realsim.") && !fromTests(type);
    }

    static boolean fromTests(Class<?> type) {
        URL location = type.getProtectionDomain().getCodeSource().getLocation();
        return location.toString().contains("test-classes");
    }

    static List<Class<?>> testClasses() throws IOException, ClassNotFoundException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        MetadataReaderFactory readers = new CachingMetadataReaderFactory(resolver);
        List<Class<?>> classes = new ArrayList<>();
        for (Resource resource : testClassFiles(resolver)) {
            String name = readers.getMetadataReader(resource).getClassMetadata().getClassName();
            if (!name.startsWith(StandInSamples.class.getName())) {
                classes.add(Class.forName(name, false, NoStandInsTest.class.getClassLoader()));
            }
        }
        return classes;
    }

    private static List<Resource> testClassFiles(PathMatchingResourcePatternResolver resolver) throws IOException {
        return Stream.of(resolver.getResources("classpath*:com/realsim/**/*.class"))
                .filter(resource -> {
                    try {
                        return resource.getURL().toString().contains("test-classes");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }

    /** What the guard must find (left out of the scan of the real tests). */
    static final class StandInSamples {

        abstract static class SubjectInMemory implements SelfServiceSubject {}

        abstract static class DataSourceInMemory implements PersonalDataSource {}

        static class ConfigurationWithAnApplicationBean {
            @Bean
            PersonalDataSource cards() {
                return null;
            }
        }

        /** Allowed: a probe event through the real trail. */
        abstract static class ProbeEvent implements AuditedEvent {}
    }
}
