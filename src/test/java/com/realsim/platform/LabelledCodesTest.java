package com.realsim.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/** Every code that says it has a label ({@link Labelled}) has one in English and in Chinese. */
class LabelledCodesTest {

    /** The application's enums that implement {@link Labelled}, found on the class path. */
    static List<Class<? extends Enum<?>>> labelledEnums() throws IOException, ClassNotFoundException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        MetadataReaderFactory readers = new CachingMetadataReaderFactory(resolver);
        List<Class<? extends Enum<?>>> enums = new ArrayList<>();
        for (Resource resource : resolver.getResources("classpath*:com/realsim/**/*.class")) {
            String name = readers.getMetadataReader(resource).getClassMetadata().getClassName();
            Class<?> type = Class.forName(name, false, LabelledCodesTest.class.getClassLoader());
            if (type.isEnum() && Labelled.class.isAssignableFrom(type) && !name.contains("Test")) {
                @SuppressWarnings("unchecked")
                Class<? extends Enum<?>> labelled = (Class<? extends Enum<?>>) type;
                enums.add(labelled);
            }
        }
        return enums;
    }

    static Properties bundles(String suffix) throws IOException {
        Properties all = new Properties();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/i18n"))) {
            for (Path bundle : files.filter(p -> p.getFileName().toString().endsWith(suffix + ".properties"))
                    .filter(p ->
                            suffix.contains("_") || !p.getFileName().toString().contains("_"))
                    .toList()) {
                try (Reader reader = new InputStreamReader(Files.newInputStream(bundle), StandardCharsets.UTF_8)) {
                    all.load(reader);
                }
            }
        }
        return all;
    }

    @Test
    void everyLabelledCodeHasALabelInBothLanguages() throws Exception {
        List<Class<? extends Enum<?>>> enums = labelledEnums();
        assertThat(enums).as("labelled enums found").hasSizeGreaterThan(15);
        Properties english = bundles("");
        Properties chinese = bundles("_zh");
        TreeSet<String> missing = new TreeSet<>();
        for (Class<? extends Enum<?>> type : enums) {
            for (Enum<?> constant : type.getEnumConstants()) {
                String key = ((Labelled) constant).messageKey();
                if (!english.containsKey(key)) {
                    missing.add("en " + type.getSimpleName() + "." + constant.name() + ": " + key);
                }
                if (!chinese.containsKey(key)) {
                    missing.add("zh " + type.getSimpleName() + "." + constant.name() + ": " + key);
                }
            }
        }
        assertThat(missing).as("labels missing from the bundles").isEmpty();
    }
}
