package com.realsim.platform.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * The keys of the embedded setup (one instance, its own PostgreSQL under the data directory): the property
 * {@code realsim.keys.<name>} (environment {@code REALSIM_KEYS_<NAME>}), or else a file {@code <name>.json} under the
 * key directory, generated once when {@code realsim.keys.generate-if-missing} allows it, readable by the owner only,
 * with a warning. A rotation rewrites the file.
 */
@RequiredArgsConstructor
final class KeyFiles implements KeyStore {

    private static final Logger log = LoggerFactory.getLogger(KeyFiles.class);

    private final Environment environment;
    private final Path directory;
    private final boolean generateIfMissing;

    @Override
    public Stored load(KeyName name) {
        String configured = environment.getProperty(name.property());
        if (configured != null && !configured.isBlank()) {
            return new Stored(configured, 0, true);
        }
        Path file = file(name);
        try {
            if (Files.exists(file)) {
                return new Stored(Files.readString(file, StandardCharsets.UTF_8), 0, false);
            }
            if (!generateIfMissing) {
                throw new IllegalStateException("No key '" + name.id() + "': set " + name.property() + " (environment "
                        + name.variable() + ")");
            }
            String generated = KeyMaterial.generate(name);
            write(file, generated);
            log.warn(
                    "Generated the key '{}' in {}. Fine for the embedded setup; in production supply {} "
                            + "from a secret store and set realsim.keys.generate-if-missing=false.",
                    name.id(),
                    file.toAbsolutePath(),
                    name.variable());
            return new Stored(generated, 0, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One instance owns the data directory (platform.db refuses a second one): nothing to compare with. */
    @Override
    public void verify(KeyName name, KeyMaterial.Keys keys, boolean configured) {}

    @Override
    public void replace(KeyName name, String material, String checkValue, int version) {
        try {
            write(file(name), material);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<KeyName, Integer> versions() {
        return Map.of();
    }

    private Path file(KeyName name) {
        return directory.resolve(name.id() + ".json");
    }

    /** Written next to its place and moved over it, so that a crash leaves the old key or the new one. */
    private static void write(Path file, String material) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(temporary, material, StandardCharsets.UTF_8);
        restrictToOwner(temporary);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("Could not restrict the permissions of {}", file);
        }
    }
}
