package com.realsim.platform.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the application was killed (not stopped), its PostgreSQL may still run, or have left its pid file behind;
 * either stops the next start. This stops such an orphan cleanly and removes a pid file whose process is gone.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

    private StalePostmaster() {}

    static void stopIfRunning(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (RuntimeException unreadable) {
            Files.deleteIfExists(pidFile);
            return;
        }
        var process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty() || !process.get().info().command().orElse("").contains("postgres")) {
            log.warn("Removing a stale postmaster.pid left by an earlier run (process {} is gone)", pid);
            Files.deleteIfExists(pidFile);
            return;
        }
        log.warn("Stopping PostgreSQL process {} left running by an earlier run", pid);
        process.get().destroy(); // SIGTERM: a smart shutdown that finishes cleanly
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (process.get().isAlive() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (process.get().isAlive()) {
            throw new IllegalStateException("PostgreSQL process " + pid + " from an earlier run does not stop; stop it "
                    + "by hand or remove " + pidFile);
        }
    }
}
