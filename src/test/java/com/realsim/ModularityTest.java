package com.realsim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries hold (no cycles, no reaching into another module's internals), and the committed module
 * documentation in {@code docs/modules} is what the modules are today.
 *
 * <p>The documentation is written under {@code target/}, never into the source tree, so a test run leaves the
 * checkout as it was. When the modules change, the comparison fails and names the files; {@code ./mvnw test
 * -Dtest=ModularityTest -Drealsim.update-module-docs=true} copies the new documentation into {@code docs/modules}.
 */
class ModularityTest {

    static final ApplicationModules modules = ApplicationModules.of(RealSimApplication.class);
    static final Path COMMITTED = Path.of("docs/modules");
    static final Path GENERATED = Path.of("target/modules-docs");

    @Test
    void modulesRespectTheirBoundariesAndHaveNoCycles() {
        modules.verify();
    }

    /**
     * A module's pages and Partner API go through its services, never straight to its aggregates and repositories:
     * the services are where the tenant scope, the locks and the rules are applied.
     */
    @Test
    void pagesAndApiGoThroughTheServicesNeverTheDomain() {
        noClasses()
                .that()
                .resideInAnyPackage("com.realsim..web..", "com.realsim..api..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.realsim..domain..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.realsim"));
    }

    @Test
    void theCommittedModuleDocumentationIsUpToDate() throws IOException {
        Map<String, String> generated = generate();
        if (Boolean.getBoolean("realsim.update-module-docs")) {
            Files.createDirectories(COMMITTED);
            try (Stream<Path> old = Files.list(COMMITTED)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
            for (String name : generated.keySet()) {
                Files.copy(GENERATED.resolve(name), COMMITTED.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        assertThat(read(COMMITTED))
                .as("docs/modules is out of date: run ./mvnw test -Dtest=ModularityTest "
                        + "-Drealsim.update-module-docs=true and commit the result")
                .isEqualTo(generated);
    }

    /** Writes the diagrams and canvases under {@code target/} in a stable order and answers them by file name. */
    static Map<String, String> generate() throws IOException {
        Files.createDirectories(GENERATED);
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        Map<String, String> files = read(GENERATED);
        for (Map.Entry<String, String> file : files.entrySet()) {
            List<String> lines = file.getValue().lines().toList();
            List<String> stable = file.getKey().endsWith(".puml") ? relationsSorted(lines) : bulletsSorted(lines);
            String text = String.join("\n", stable) + "\n";
            file.setValue(text);
            Files.writeString(GENERATED.resolve(file.getKey()), text, StandardCharsets.UTF_8);
        }
        return files;
    }

    static Map<String, String> read(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.filter(Files::isRegularFile).toList()) {
                files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /**
     * Spring Modulith lists a diagram's relations in hash order, which changes from run to run: every run of
     * consecutive {@code Rel(…)} lines in sorted order; everything else as it was.
     */
    static List<String> relationsSorted(List<String> lines) {
        List<String> result = new ArrayList<>(lines.size());
        List<String> relations = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("Rel(")) {
                relations.add(line);
                continue;
            }
            relations.sort(null);
            result.addAll(relations);
            relations.clear();
            result.add(line);
        }
        relations.sort(null);
        result.addAll(relations);
        return result;
    }

    /**
     * The canvases' lists (events listened to, dependencies) come in hash order too: each table cell's bullet list
     * ({@code |* first}, then {@code * next} lines) in sorted order.
     */
    static List<String> bulletsSorted(List<String> lines) {
        List<String> result = new ArrayList<>(lines.size());
        List<String> run = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("|* ") && run.isEmpty()) {
                run.add(line.substring(1));
                continue;
            }
            if (line.startsWith("* ") && !run.isEmpty()) {
                run.add(line);
                continue;
            }
            flushBullets(run, result);
            if (line.startsWith("|* ")) {
                run.add(line.substring(1));
            } else {
                result.add(line);
            }
        }
        flushBullets(run, result);
        return result;
    }

    private static void flushBullets(List<String> run, List<String> result) {
        if (run.isEmpty()) {
            return;
        }
        run.sort(null);
        result.add("|" + run.get(0));
        result.addAll(run.subList(1, run.size()));
        run.clear();
    }
}
