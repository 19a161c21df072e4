package com.realsim.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the generated inputs a hostile-input suite tried, per kind of input, and reports the totals at the end of
 * the suite: logged, and written to {@code target/reliability/<suite>.txt}, from which {@code docs/reliability.md}
 * takes the numbers of the last run. (Tests never write tracked files: CI fails when a test changes one.)
 */
public final class GeneratedInputs {

    private static final Logger log = LoggerFactory.getLogger(GeneratedInputs.class);

    private final String suite;
    private final Map<String, LongAdder> counts = new TreeMap<>();
    private final Map<String, LongAdder> outcomes = new TreeMap<>();

    public GeneratedInputs(String suite) {
        this.suite = suite;
    }

    /** Counts one input of this kind. */
    public void count(String kind) {
        count(kind, 1);
    }

    public synchronized void count(String kind, long inputs) {
        counts.computeIfAbsent(kind, k -> new LongAdder()).add(inputs);
    }

    /** Counts an outcome of inputs already counted (refused for this reason, accepted): shown, not added up. */
    public synchronized void outcome(String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    }

    public synchronized long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public synchronized long of(String kind) {
        LongAdder count = counts.get(kind);
        return count == null ? 0 : count.sum();
    }

    /** Logs the counts and the total and writes them under {@code target/reliability}. */
    public synchronized void report() {
        StringBuilder text = new StringBuilder();
        text.append("# ").append(suite).append(", ").append(Instant.now()).append('\n');
        counts.forEach((kind, count) -> text.append(String.format("%-60s %,12d%n", kind, count.sum())));
        text.append(String.format("%-60s %,12d%n", "total", total()));
        outcomes.forEach((outcome, count) -> text.append(String.format("  %-58s %,12d%n", outcome, count.sum())));
        log.info("Generated inputs tried:\n{}", text);
        try {
            Path directory = Path.of("target", "reliability");
            Files.createDirectories(directory);
            Files.writeString(
                    directory.resolve(suite + ".txt"),
                    text,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
