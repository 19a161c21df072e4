package com.realsim.platform;

/** Implemented by whatever Spring Security keeps as the principal, so that {@link CurrentActor} can find the actor. */
public interface ActorPrincipal {

    Actor actor();
}
