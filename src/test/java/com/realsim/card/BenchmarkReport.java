package com.realsim.card;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;

/** Writes one benchmark's section into {@code docs/benchmarks.md}, between markers that name it. */
final class BenchmarkReport {

    static final Path FILE = Path.of("docs/benchmarks.md");

    private BenchmarkReport() {}

    static void write(String section, String markdown) throws IOException {
        String start = "<!-- " + section + ":start -->";
        String end = "<!-- " + section + ":end -->";
        String text = Files.exists(FILE)
                ? Files.readString(FILE, StandardCharsets.UTF_8)
                : "# Benchmarks\n\nMeasured by `./mvnw -Pbench verify` (the `*Benchmark` classes; never part of the normal"
                        + " build). Each section is rewritten by its benchmark.\n";
        String block = start + "\n" + markdown.strip() + "\n" + end;
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        if (from >= 0 && to > from) {
            text = text.substring(0, from) + block + text.substring(to + end.length());
        } else {
            text = text.stripTrailing() + "\n\n" + block + "\n";
        }
        Files.createDirectories(FILE.getParent());
        Files.writeString(FILE, text, StandardCharsets.UTF_8);
    }

    /** The machine in one line: CPU model and count, memory, Java. */
    static String machine() {
        String cpu = "unknown CPU";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // not Linux: keep "unknown CPU"
        }
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return String.format(
                "%d cores (%s), %d GiB memory, Java %s",
                Runtime.getRuntime().availableProcessors(),
                cpu,
                memory / (1L << 30),
                System.getProperty("java.version"));
    }

    /** The 1-minute load average, where the system tells it. */
    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }
}
