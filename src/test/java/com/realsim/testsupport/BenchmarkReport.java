package com.realsim.testsupport;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;

/** Writes one benchmark's section into {@code docs/benchmarks.md}, between markers that name it. */
public final class BenchmarkReport {

    public static final Path FILE = Path.of("docs/benchmarks.md");

    private BenchmarkReport() {}

    public static void write(String section, String markdown) throws IOException {
        write(FILE, section, markdown);
    }

    /** Writes the section into another report (docs/reliability.md), between the same kind of markers. */
    public static void write(Path file, String section, String markdown) throws IOException {
        String start = "<!-- " + section + ":start -->";
        String end = "<!-- " + section + ":end -->";
        String text = Files.exists(file)
                ? Files.readString(file, StandardCharsets.UTF_8)
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
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** The machine in one line: CPU model and count, memory, Java. */
    public static String machine() {
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
    public static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** CPU seconds this JVM has used so far (all its threads, GC and JIT included). */
    public static double jvmCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
    }

    /**
     * CPU seconds used so far by the tests' embedded PostgreSQL (its postmaster and every backend and helper
     * process), read from /proc; negative when that server is not a local process (e.g. a container).
     */
    public static double postgresCpuSeconds() {
        try (Stream<Path> runs = Files.list(Path.of("target/pg-test-data"))) {
            Path pidFile = runs.map(run -> run.resolve("postmaster.pid"))
                    .filter(Files::exists)
                    .max(java.util.Comparator.comparing(BenchmarkReport::modified))
                    .orElse(null);
            if (pidFile == null) {
                return -1;
            }
            long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            long ticks = 0;
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes
                        .filter(p -> p.getFileName().toString().matches("[0-9]+"))
                        .toList()) {
                    try {
                        String stat = Files.readString(process.resolve("stat"));
                        String[] fields =
                                stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long pid = Long.parseLong(process.getFileName().toString());
                        long parent = Long.parseLong(fields[1]);
                        if (pid == postmaster || parent == postmaster) {
                            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        }
                    } catch (IOException | RuntimeException gone) {
                        // the process ended meanwhile
                    }
                }
            }
            return ticks / 100.0; // USER_HZ
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    public static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }
}
