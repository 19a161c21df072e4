package com.realsim.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Keeps each document in a file named by its key under {@code directory/<first two characters>/}. A file is written
 * under a temporary name next to its place, synced, and then moved into place atomically, so a crash leaves either
 * nothing or a complete file (and at worst a temporary file no key names).
 */
class FileSystemDocumentStore implements DocumentStore {

    static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");

    private final Path directory;

    FileSystemDocumentStore(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, byte[] content) {
        Path target = pathOf(key);
        Path temporary = target.resolveSibling("." + key + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            Files.write(
                    temporary,
                    content,
                    StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
            restrictToOwner(temporary);
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new UncheckedIOException("Cannot store document " + key, e);
        } catch (RuntimeException e) {
            deleteQuietly(temporary);
            throw e;
        }
    }

    @Override
    public void replace(String key, byte[] content) {
        Path target = pathOf(key);
        Path temporary = target.resolveSibling("." + key + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.write(temporary, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.SYNC);
            restrictToOwner(temporary);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new UncheckedIOException("Cannot replace document " + key, e);
        }
    }

    @Override
    public byte[] get(String key) {
        Path file = pathOf(key);
        try {
            return Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalStateException("No stored content for document " + key);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read document " + key, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(pathOf(key));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete document " + key, e);
        }
    }

    Path directory() {
        return directory;
    }

    private Path pathOf(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a storage key");
        }
        return directory.resolve(key.substring(0, 2)).resolve(key);
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: the directory's permissions must do
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // nothing more to do; the name is random and no key points at it
        }
    }
}
