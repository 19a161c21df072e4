package com.realsim.identity;

import com.realsim.platform.crypto.FreshKeyRing;
import com.realsim.platform.crypto.KeyRing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The identity module's real sealing (AEAD, blind index, masking) for unit tests of other modules' aggregates, with
 * keys generated under {@code target/}: the real thing outside Spring, never a stand-in.
 */
public final class FreshPersonalData {

    private FreshPersonalData() {}

    public static PersonalData create() {
        try {
            KeyRing keys = FreshKeyRing.in(
                    Files.createTempDirectory(Files.createDirectories(Path.of("target")), "unit-keys-"));
            return new PersonalData(keys, new BlindIndex(keys));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
