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
 * either stops the next start. This stops such an orphan cleanly and removes a pid file whose process is gone. It is
 * called only while this process holds the {@link DataDirectoryLock}, so the PostgreSQL it finds belongs to no
 * running RealSIM of this version; one still run by a live Java process is refused rather than stopped.
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
        var owner = process.get().parent().filter(ProcessHandle::isAlive).filter(parent -> parent.pid() != 1);
        if (owner.isPresent() && owner.get().info().command().orElse("").contains("java")) {
            // not an orphan: a process of another RealSIM (one too old to lock the data directory) still runs it
            throw new IllegalStateException("PostgreSQL process " + pid + " of " + dataDirectory + " belongs to the"
                    + " running process " + owner.get().pid() + " ("
                    + owner.get().info().command().orElse("java")
                    + "); stop that process first, or give this one a data directory of its own (REALSIM_DATA_DIR)");
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
