package com.realsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Chinese and English bundles have the same keys, and every literal key a template uses exists. */
class MessageBundlesTest {

    static final Path BUNDLES = Path.of("src/main/resources/i18n");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.-]*)[}(]");

    @Test
    void chineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path english :
                    files.filter(p -> !p.getFileName().toString().contains("_")).toList()) {
                String name = english.getFileName().toString().replace(".properties", "_zh.properties");
                Path chinese = BUNDLES.resolve(name);
                assertThat(chinese).as("Chinese bundle for " + english).exists();
                Set<String> englishKeys = keys(english);
                Set<String> chineseKeys = keys(chinese);
                assertThat(new TreeSet<>(chineseKeys))
                        .as("keys of " + chinese + " against " + english)
                        .isEqualTo(new TreeSet<>(englishKeys));
            }
        }
    }

    @Test
    void everyKeyATemplateNamesExistsInTheBundles() throws IOException {
        Set<String> known = new HashSet<>();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path bundle : files.toList()) {
                known.addAll(keys(bundle));
            }
        }
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(TEMPLATES)) {
            for (Path template :
                    templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher matcher = LITERAL_KEY.matcher(Files.readString(template));
                while (matcher.find()) {
                    if (!known.contains(matcher.group(1))) {
                        missing.add(TEMPLATES.relativize(template) + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertThat(missing)
                .as("message keys used in templates but missing from the bundles")
                .isEmpty();
    }

    @Test
    void theBundlesListedInTheConfigurationAreExactlyTheFilesPresent() throws IOException {
        String configuration = Files.readString(Path.of("src/main/resources/application.yml"));
        Matcher basename = Pattern.compile("basename: (.+)").matcher(configuration);
        assertThat(basename.find()).isTrue();
        Set<String> configured = new TreeSet<>(Set.of(basename.group(1).trim().split(",")));
        Set<String> present = new TreeSet<>();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.contains("_"))
                    .forEach(n -> present.add("i18n/" + n.replace(".properties", "")));
        }
        assertThat(configured).isEqualTo(present);
    }

    private static Set<String> keys(Path bundle) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(Files.newInputStream(bundle), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties.stringPropertyNames();
    }
}
