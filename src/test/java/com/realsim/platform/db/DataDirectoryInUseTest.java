package com.realsim.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.RealSimApplication;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded default: a second RealSIM process started on a data directory in use refuses to start with a message
 * naming the process that uses it, and leaves that process's PostgreSQL running (it used to take it for an orphan of
 * a killed run and stop it).
 */
class DataDirectoryInUseTest {

    @Test
    void aSecondProcessOnTheSameDataDirectoryRefusesNamingTheFirstAndLeavesItsDatabaseAlone() throws Exception {
        Path dataDir = Path.of("target/in-use-test-" + UUID.randomUUID()).toAbsolutePath();
        try (ConfigurableApplicationContext first = new SpringApplicationBuilder(RealSimApplication.class)
                .run(
                        "--realsim.data-dir=" + dataDir,
                        "--server.port=0",
                        "--spring.datasource.url=",
                        "--spring.main.banner-mode=off")) {
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("pg/postmaster.pid"))
                    .get(0)
                    .trim());

            Path log = dataDir.resolve("second.log");
            ProcessBuilder second = new ProcessBuilder(List.of(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx384m",
                            "-XX:TieredStopAtLevel=1",
                            "-cp",
                            mainClasspath(),
                            RealSimApplication.class.getName(),
                            "--realsim.data-dir=" + dataDir,
                            "--server.port=0",
                            "--spring.datasource.url=",
                            "--spring.main.banner-mode=off"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            second.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("REALSIM_"));
            Process process = second.start();
            try {
                assertThat(process.waitFor(3, TimeUnit.MINUTES))
                        .as("the second process ends by itself")
                        .isTrue();
            } finally {
                process.destroyForcibly();
            }

            String output = Files.readString(log);
            assertThat(process.exitValue()).as(output).isNotZero();
            assertThat(output)
                    .contains("The data directory " + dataDir + " is in use by another RealSIM process (pid "
                            + ProcessHandle.current().pid() + ",");
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive))
                    .as("the first process's PostgreSQL still runs")
                    .hasValue(true);
            assertThat(new JdbcTemplate(first.getBean(DataSource.class)).queryForObject("SELECT 1", Integer.class))
                    .isOne();
        } finally {
            // the directory holds a copy of the PostgreSQL binaries
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static String mainClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
