package com.realsim.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.platform.jobs.Recurring;
import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.convert.PeriodFormat;
import org.springframework.boot.convert.PeriodStyle;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * One way to write a length of time in the configuration: durations (timeouts, lifetimes, intervals) in Spring's
 * simple form ({@code 500ms}, {@code 10s}, {@code 15m} = minutes, {@code 72h}), calendar periods (business rules
 * counted in months and days) in ISO-8601 ({@code P2M}, {@code P30D}) — so that {@code m} means minutes wherever it is
 * written, and a period written {@code 2m} is refused when the application starts instead of being read as two
 * months. Checked on the application's classes (every {@code Duration} and {@code Period} setting and its default,
 * every scheduled interval) and on {@code application.yml}.
 */
class ConfigurationUnitsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");

    /** Every Duration setting found in the classes: key → default (null: none), with where it was found. */
    static final Map<String, String> DURATIONS = new TreeMap<>();

    static final Map<String, String> PERIODS = new TreeMap<>();

    /** Durations written in the classes (defaults and literal intervals), with where they stand. */
    static final List<String> WRITTEN_DURATIONS = new ArrayList<>();

    static final List<Class<?>> PROPERTIES_TYPES = new ArrayList<>();

    @BeforeAll
    static void readTheApplicationsSettings() throws Exception {
        for (Class<?> type : applicationClasses()) {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                for (Parameter parameter : constructor.getParameters()) {
                    valueSetting(parameter, parameter.getType(), type.getName());
                }
            }
            for (Method method : type.getDeclaredMethods()) {
                for (Parameter parameter : method.getParameters()) {
                    valueSetting(parameter, parameter.getType(), type.getName() + "." + method.getName());
                }
                Recurring recurring = method.getAnnotation(Recurring.class);
                if (recurring != null) {
                    String where = type.getName() + "." + method.getName() + " @Recurring";
                    for (String interval : List.of(recurring.fixedDelay(), recurring.initialDelay())) {
                        writtenDuration(interval, where);
                    }
                }
            }
            for (var field : type.getDeclaredFields()) {
                valueSetting(field, field.getType(), type.getName() + "." + field.getName());
            }
            ConfigurationProperties properties = type.getAnnotation(ConfigurationProperties.class);
            if (properties != null && type.isRecord()) {
                PROPERTIES_TYPES.add(type);
                propertiesSettings(type, properties.value().isEmpty() ? properties.prefix() : properties.value());
            }
        }
    }

    @Test
    void everyPeriodSettingIsReadInIso8601Only() {
        assertThat(PERIODS).as("the application's calendar periods").containsKey("realsim.card.dormant-after");
        for (Class<?> type : PROPERTIES_TYPES) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getType() == Period.class) {
                    PeriodFormat format = annotation(type, component, PeriodFormat.class);
                    assertThat(format)
                            .as(type.getSimpleName() + "." + component.getName() + " says @PeriodFormat(ISO8601)")
                            .isNotNull();
                    assertThat(format.value()).isEqualTo(PeriodStyle.ISO8601);
                }
            }
        }
    }

    @Test
    void aPeriodWrittenTheShortWayIsRefusedWithTheSettingsNameAndTheIsoForm() {
        int checked = 0;
        for (Class<?> type : PROPERTIES_TYPES) {
            String prefix = prefix(type);
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getType() != Period.class) {
                    continue;
                }
                String key = prefix + "." + kebab(component.getName());
                Object bound = bind(type, prefix, key, "P2M");
                assertThat(value(bound, component)).as(key + "=P2M").isEqualTo(Period.ofMonths(2));
                assertThatThrownBy(() -> bind(type, prefix, key, "2m"))
                        .as(key + "=2m (two minutes anywhere else) is refused")
                        .hasMessageContaining(key)
                        .hasStackTraceContaining("'2m' is not a valid ISO-8601 period");
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(2);
    }

    @Test
    void everyDurationDefaultAndIntervalInTheCodeIsWrittenTheSimpleWay() {
        assertThat(DURATIONS)
                .as("the application's durations")
                .containsKeys("realsim.security.lockout", "realsim.api.token-ttl", "realsim.audit.retry-interval");
        assertThat(WRITTEN_DURATIONS).hasSizeGreaterThan(8);
        List<String> isoOrOther = WRITTEN_DURATIONS.stream()
                .filter(written -> !simpleDuration(written.substring(0, written.indexOf(' '))))
                .toList();
        assertThat(isoOrOther)
                .as("durations not in the simple form (500ms, 10s, 15m, 72h)")
                .isEmpty();
    }

    @Test
    void applicationYmlWritesDurationsTheSimpleWayAndPeriodsInIso8601() throws IOException {
        Map<String, Object> yml = applicationYml();
        Map<String, String> durations = new TreeMap<>(DURATIONS);
        durations.put("spring.session.timeout", null);
        durations.put("server.servlet.session.timeout", null);
        int checked = 0;
        for (String key : durations.keySet()) {
            Object value = yml.get(key);
            if (value != null && !value.toString().isEmpty()) {
                assertThat(simpleDuration(value.toString()))
                        .as(key + ": " + value + " is a duration in the simple form")
                        .isTrue();
                checked++;
            }
        }
        for (String key : PERIODS.keySet()) {
            Object value = yml.get(key);
            if (value != null) {
                assertThat(isoPeriod(value.toString()))
                        .as(key + ": " + value + " is a period in ISO-8601")
                        .isTrue();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(8);
    }

    @Test
    void theCheckTellsTheTwoFormsApart() {
        assertThat(simpleDuration("15m")).isTrue();
        assertThat(simpleDuration("PT1M")).isFalse();
        assertThat(isoPeriod("P2M")).isTrue();
        assertThat(isoPeriod("2m")).isFalse();
    }

    // --- reading the classes ------------------------------------------------------------------------------------

    static List<Class<?>> applicationClasses() throws IOException, ClassNotFoundException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        MetadataReaderFactory readers = new CachingMetadataReaderFactory(resolver);
        List<Class<?>> types = new ArrayList<>();
        for (Resource resource : resolver.getResources("classpath*:com/realsim/**/*.class")) {
            if (resource.getURL().toString().contains("test-classes")) {
                continue;
            }
            String name = readers.getMetadataReader(resource).getClassMetadata().getClassName();
            types.add(Class.forName(name, false, ConfigurationUnitsTest.class.getClassLoader()));
        }
        assertThat(types).as("the application's classes").hasSizeGreaterThan(200);
        return types;
    }

    private static void valueSetting(AnnotatedElement element, Class<?> type, String where) {
        Value value = element.getAnnotation(Value.class);
        if (value == null) {
            return;
        }
        Matcher placeholder = PLACEHOLDER.matcher(value.value());
        if (!placeholder.find()) {
            return;
        }
        if (type == Duration.class) {
            DURATIONS.put(placeholder.group(1), placeholder.group(2));
            if (placeholder.group(2) != null) {
                WRITTEN_DURATIONS.add(
                        placeholder.group(2) + " (default of " + placeholder.group(1) + " in " + where + ")");
            }
        } else if (type == Period.class) {
            PERIODS.put(placeholder.group(1), placeholder.group(2));
        }
    }

    private static void writtenDuration(String interval, String where) {
        if (interval.isEmpty()) {
            return;
        }
        Matcher placeholder = PLACEHOLDER.matcher(interval);
        if (placeholder.matches()) {
            DURATIONS.put(placeholder.group(1), placeholder.group(2));
            if (placeholder.group(2) != null) {
                WRITTEN_DURATIONS.add(
                        placeholder.group(2) + " (default of " + placeholder.group(1) + " in " + where + ")");
            }
        } else {
            WRITTEN_DURATIONS.add(interval + " (" + where + ")");
        }
    }

    private static void propertiesSettings(Class<?> record, String prefix) {
        for (RecordComponent component : record.getRecordComponents()) {
            String key = prefix + "." + kebab(component.getName());
            DefaultValue defaultValue = annotation(record, component, DefaultValue.class);
            String written = defaultValue == null || defaultValue.value().length == 0
                    ? null
                    : defaultValue.value()[0];
            if (component.getType() == Duration.class) {
                DURATIONS.put(key, written);
                if (written != null) {
                    WRITTEN_DURATIONS.add(written + " (default of " + key + ")");
                }
            } else if (component.getType() == Period.class) {
                PERIODS.put(key, written);
            } else if (component.getType().isRecord()
                    && component.getType().getName().startsWith("com.realsim.")) {
                propertiesSettings(component.getType(), key);
            }
        }
    }

    /** The annotation on the record component or on its constructor parameter (where Spring reads it). */
    private static <A extends java.lang.annotation.Annotation> A annotation(
            Class<?> record, RecordComponent component, Class<A> annotation) {
        A onComponent = component.getAnnotation(annotation);
        if (onComponent != null) {
            return onComponent;
        }
        Class<?>[] types = java.util.Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        try {
            Constructor<?> canonical = record.getDeclaredConstructor(types);
            for (Parameter parameter : canonical.getParameters()) {
                if (parameter.getName().equals(component.getName())) {
                    return parameter.getAnnotation(annotation);
                }
            }
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        return null;
    }

    private static String prefix(Class<?> type) {
        ConfigurationProperties properties = type.getAnnotation(ConfigurationProperties.class);
        return properties.value().isEmpty() ? properties.prefix() : properties.value();
    }

    private static Object bind(Class<?> type, String prefix, String key, String value) {
        return new Binder(new MapConfigurationPropertySource(Map.of(key, value)))
                .bind(prefix, Bindable.of(type))
                .get();
    }

    private static Object value(Object record, RecordComponent component) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean simpleDuration(String value) {
        try {
            return DurationStyle.detect(value) == DurationStyle.SIMPLE;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean isoPeriod(String value) {
        try {
            return PeriodStyle.detect(value) == PeriodStyle.ISO8601;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    static Map<String, Object> applicationYml() throws IOException {
        Map<String, Object> values = new TreeMap<>();
        for (PropertySource<?> source :
                new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))) {
            if (source instanceof org.springframework.core.env.EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    values.put(name, enumerable.getProperty(name));
                }
            }
        }
        assertThat(values).containsKey("realsim.card.dormant-after");
        return values;
    }
}
