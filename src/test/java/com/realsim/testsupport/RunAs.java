package com.realsim.testsupport;

import com.realsim.platform.Actor;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs a piece of test code as an actor, as a request of that actor would run, and restores the context after. */
public final class RunAs {

    private RunAs() {}

    public static <T> T run(Actor actor, Supplier<T> work) {
        Authentication previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(ActorAuthentication.of(actor));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    public static void run(Actor actor, Runnable work) {
        run(actor, () -> {
            work.run();
            return null;
        });
    }
}
