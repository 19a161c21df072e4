package com.realsim.verification;

import com.realsim.identity.IdDocument;

/**
 * Checks a name and an ID document against an identity authority (the national citizen identity service or a
 * licensed reseller of it). Implementations throw {@link CheckUnavailable} rather than guess: a failure never
 * approves or rejects anything. Without a bean of this type every case goes to manual review.
 */
public interface IdentityCheck {

    IdentityResult check(String name, IdDocument document);
}
