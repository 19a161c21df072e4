package com.realsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Chinese and English bundles have the same keys, and every literal key the application names exists: in templates
 * as a message expression ({@code #{card.state}}) or as a key handed to a fragment ({@code 'account.agents.none'}),
 * and in Java as a text such as {@code "card.rule.code.taken"} (a refusal's key, a flash message) — so a key that is
 * renamed in one place and not the other fails here instead of showing {@code ??key??} to a person.
 */
class MessageBundlesTest {

    static final Path BUNDLES = Path.of("src/main/resources/i18n");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Path JAVA = Path.of("src/main/java");
    static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.-]*)[}(]");

    /** The first words of the bundles' keys (a text ending in a dot is the start of a key built at run time). */
    static final String PREFIXES = "(?:account|approval|audit|card|catalogue|document|enterprise|identity|order"
            + "|platform|verification|review|error|nav|dashboard|login|form|validation|role|table|message)";

    /** Texts of that shape that are no message key, and what they are. */
    static final Map<String, String> NOT_KEYS = Map.of(
            "audit.trail", "the audit listener's id in the event registry",
            "review.submittedAt", "the property path of a submission's time in a sort (the Review embeddable)",
            "enterprise.change", "the start of keys the review status fragment completes with the status",
            "audit.trail.batch", "the id of the audit listener of batches in the event registry");

    /** A key handed to a fragment or a message call in a template: {@code 'account.agents.none'}. */
    static final Pattern QUOTED_KEY = Pattern.compile("'(" + PREFIXES + "\\.[A-Za-z0-9_.-]*[A-Za-z0-9_-])'");

    /** A key in Java: a string literal that is nothing but a key, {@code "card.rule.code.taken"}. */
    static final Pattern JAVA_KEY = Pattern.compile("\"(" + PREFIXES + "\\.[A-Za-z0-9_.-]*[A-Za-z0-9_-])\"");

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

    /**
     * A key is defined once: a second definition in the same file silently replaces the first ({@link Properties}
     * keeps the last), and one in another bundle is shadowed by whichever bundle the configuration lists first — either
     * way one of the two texts never reaches a person.
     */
    @Test
    void everyKeyIsDefinedOnceInOneBundle() throws IOException {
        Map<String, String> definedIn = new java.util.HashMap<>();
        List<String> twice = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path bundle : files.sorted().toList()) {
                String language = bundle.getFileName().toString().contains("_zh") ? "zh" : "en";
                for (String line : Files.readAllLines(bundle, StandardCharsets.UTF_8)) {
                    String trimmed = line.strip();
                    int equals = trimmed.indexOf('=');
                    if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!") || equals < 1) {
                        continue;
                    }
                    String key = language + ":" + trimmed.substring(0, equals).strip();
                    String earlier =
                            definedIn.putIfAbsent(key, bundle.getFileName().toString());
                    if (earlier != null) {
                        twice.add(key + " in " + earlier + " and " + bundle.getFileName());
                    }
                }
            }
        }
        assertThat(twice).as("keys defined more than once").isEmpty();
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
                String text = Files.readString(template);
                for (Pattern key : List.of(LITERAL_KEY, QUOTED_KEY)) {
                    Matcher matcher = key.matcher(text);
                    while (matcher.find()) {
                        if (!known.contains(matcher.group(1)) && !NOT_KEYS.containsKey(matcher.group(1))) {
                            missing.add(TEMPLATES.relativize(template) + ": " + matcher.group(1));
                        }
                    }
                }
            }
        }
        assertThat(missing)
                .as("message keys used in templates but missing from the bundles")
                .isEmpty();
    }

    @Test
    void everyKeyTheJavaCodeNamesExistsInTheBundles() throws IOException {
        Set<String> known = knownKeys();
        Set<String> found = new TreeSet<>();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(JAVA)) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = JAVA_KEY.matcher(Files.readString(source));
                while (matcher.find()) {
                    found.add(matcher.group(1));
                    if (!known.contains(matcher.group(1)) && !NOT_KEYS.containsKey(matcher.group(1))) {
                        missing.add(JAVA.relativize(source) + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertThat(found)
                .as("the keys named in Java were found")
                .hasSizeGreaterThan(50)
                .contains("identity.idNumber.required", "audit.filter.toBeforeFrom");
        assertThat(missing)
                .as("message keys named in Java but missing from the bundles")
                .isEmpty();
    }

    @Test
    void theKeyPatternsFindKeysAndLeaveTheStartsOfBuiltKeysAlone() {
        assertThat(JAVA_KEY.matcher("throw new DomainException(code, \"card.rule.code.taken\");")
                        .find())
                .isTrue();
        assertThat(JAVA_KEY.matcher("\"identity.idNumber.format.\" + type.name()")
                        .find())
                .isFalse();
        assertThat(JAVA_KEY.matcher("@Value(\"${realsim.card.rules-ttl:10s}\")").find())
                .isFalse();
        assertThat(QUOTED_KEY
                        .matcher("listing(${agents}, 'agents', 'account.agents.none', null)")
                        .find())
                .isTrue();
        assertThat(QUOTED_KEY.matcher("#{${'audit.action.' + a}}").find()).isFalse();
    }

    static Set<String> knownKeys() throws IOException {
        Set<String> known = new HashSet<>();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path bundle : files.toList()) {
                known.addAll(keys(bundle));
            }
        }
        return known;
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
