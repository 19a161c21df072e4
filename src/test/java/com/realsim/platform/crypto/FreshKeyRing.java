package com.realsim.platform.crypto;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

/** The platform's real key ring, outside Spring, with keys generated once in a directory of the test's choosing. */
public final class FreshKeyRing {

    private FreshKeyRing() {}

    public static KeyRing in(Path directory) {
        KeyRing ring = new KeyRing(
                new MockEnvironment(),
                directory,
                true,
                Duration.ofSeconds(10),
                new StaticListableBeanFactory().getBeanProvider(DataSource.class),
                Clock.systemUTC());
        ring.afterSingletonsInstantiated();
        return ring;
    }
}
