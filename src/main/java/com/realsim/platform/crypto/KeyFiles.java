package com.realsim.platform.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * Where secret key material comes from: the property {@code realsim.keys.<name>} (in production from the
 * environment, {@code REALSIM_KEYS_<NAME>}), or else a file {@code <name>.json} under the key directory, generated
 * once when {@code realsim.keys.generate-if-missing} allows it, readable by the owner only, with a warning.
 */
record KeyFiles(Environment environment, Path directory, boolean generateIfMissing) {

    private static final Logger log = LoggerFactory.getLogger(KeyFiles.class);

    String load(String name, Supplier<String> generator) {
        String configured = environment.getProperty("realsim.keys." + name);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path file = directory.resolve(name + ".json");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            if (!generateIfMissing) {
                throw new IllegalStateException("No key '" + name + "': set realsim.keys." + name + " (environment "
                        + "REALSIM_KEYS_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + ")");
            }
            String generated = generator.get();
            Files.createDirectories(directory);
            Files.writeString(file, generated, StandardCharsets.UTF_8);
            restrictToOwner(file);
            log.warn(
                    "Generated the key '{}' in {}. Fine for the embedded setup; in production supply realsim.keys.{} "
                            + "from a secret store and set realsim.keys.generate-if-missing=false.",
                    name,
                    file.toAbsolutePath(),
                    name);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("Could not restrict the permissions of {}", file);
        }
    }
}
