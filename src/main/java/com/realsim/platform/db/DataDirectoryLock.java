package com.realsim.platform.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One RealSIM process per data directory: an exclusive lock on {@code realsim.lock} in it, held from before the
 * embedded PostgreSQL starts until after it has stopped, with the holder's process id in the file. A second process
 * on the same directory refuses to start, naming the first, and touches nothing (above all not the first one's
 * PostgreSQL, which {@link StalePostmaster} would otherwise take for an orphan). The operating system releases the
 * lock when its process ends, however it ends, so a killed run never blocks the next one.
 */
final class DataDirectoryLock implements AutoCloseable {

    static final String FILE = "realsim.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirectoryLock acquire(Path dataDir) throws IOException {
        Path directory = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(directory);
        FileChannel channel = FileChannel.open(
                directory.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new IllegalStateException("The data directory " + directory + " is in use by another RealSIM process"
                    + (holder.isEmpty() ? "" : " (" + holder + ")") + ". Stop that process first, or start this one"
                    + " with a data directory of its own (REALSIM_DATA_DIR); nothing was changed.");
        }
        ProcessHandle self = ProcessHandle.current();
        String description = "pid " + self.pid() + ", started "
                + self.info().startInstant().orElse(Instant.now()) + ", "
                + self.info().command().orElse("java");
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((description + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(true);
        return new DataDirectoryLock(channel, lock);
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
