package com.realsim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries hold (no cycles, no reaching into another module's internals) and are documented. */
class ModularityTest {

    static final ApplicationModules modules = ApplicationModules.of(RealSimApplication.class);
    static final Path DOCS = Path.of("docs/modules");

    @Test
    void modulesRespectTheirBoundariesAndHaveNoCycles() {
        modules.verify();
    }

    /**
     * Writes the diagrams and canvases to {@code docs/modules}. Spring Modulith lists a diagram's relations in hash
     * order, which changes from run to run; they are sorted afterwards, so that the files change only when the modules
     * do.
     */
    @Test
    void writesTheModuleDocumentationToDocsModules() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path diagram :
                    files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                Files.write(diagram, relationsSorted(Files.readAllLines(diagram, StandardCharsets.UTF_8)));
            }
        }
    }

    /** Every run of consecutive {@code Rel(…)} lines in sorted order; everything else as it was. */
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
}
