package com.realsim.platform.crypto;

import java.nio.file.Path;
import org.springframework.mock.env.MockEnvironment;

/** The platform's real key ring, outside Spring, with keys generated once in a directory of the test's choosing. */
public final class FreshKeyRing {

    private FreshKeyRing() {}

    public static KeyRing in(Path directory) {
        return new KeyRing(new MockEnvironment(), directory, true);
    }
}
