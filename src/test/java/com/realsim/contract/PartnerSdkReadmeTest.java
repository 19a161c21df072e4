package com.realsim.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's SDK example is the code that {@link PartnerSdkExample} compiles and the contract walk runs: the lines
 * between its {@code tag::example[]} and {@code end::example[]} comments, without their common indentation, are the
 * README's {@code java} block after the {@code <!-- sdk-example -->} marker.
 */
class PartnerSdkReadmeTest {

    static final Path EXAMPLE = Path.of("src/test/java/com/realsim/contract/PartnerSdkExample.java");

    @Test
    void theReadmeShowsTheExampleThatTheWalkRuns() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int marker = readme.indexOf("<!-- sdk-example -->");
        assertThat(marker).as("README.md has the <!-- sdk-example --> marker").isNotNegative();
        int start = readme.indexOf("```java\n", marker) + "```java\n".length();
        String shown = readme.substring(start, readme.indexOf("```", start));
        assertThat(shown).as("README.md's SDK example").isEqualTo(example());
    }

    static String example() throws IOException {
        List<String> lines = Files.readAllLines(EXAMPLE, StandardCharsets.UTF_8);
        int from = indexOf(lines, "// tag::example[]") + 1;
        int to = indexOf(lines, "// end::example[]");
        List<String> body = lines.subList(from, to);
        int indent = body.stream()
                .filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length())
                .min()
                .orElse(0);
        StringBuilder text = new StringBuilder();
        body.forEach(line ->
                text.append(line.isBlank() ? "" : line.substring(indent)).append('\n'));
        assertThat(text).as("the example between the tags").isNotEmpty();
        return text.toString();
    }

    static int indexOf(List<String> lines, String comment) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(comment)) {
                return i;
            }
        }
        throw new AssertionError(comment + " not found in " + EXAMPLE);
    }
}
