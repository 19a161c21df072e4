package com.realsim.verification;

import com.realsim.document.DocumentService;
import com.realsim.platform.Actor;
import com.realsim.platform.ActorPrincipal;
import com.realsim.platform.Role;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Reads a case's photos for the face check. The document module opens documents only for a current actor, and an
 * end user's self-service submission has none; so the photos of the case being opened are read as the verification
 * service itself, an operator-side reader, in a security context of its own that is restored at once. Only the ids
 * the calling module put into the case are read, never ids from a request.
 */
@Component
class CasePhotos {

    static final Actor READER = new Actor(Actor.Kind.USER, 0L, "system:verification", Role.OPS, null, null);

    private final DocumentService documents;

    CasePhotos(DocumentService documents) {
        this.documents = documents;
    }

    byte[] read(long documentId) {
        return asVerificationService(() -> documents.open(documentId).content());
    }

    private static <T> T asVerificationService(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext own = SecurityContextHolder.createEmptyContext();
        own.setAuthentication(new ReaderAuthentication());
        SecurityContextHolder.setContext(own);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private static final class ReaderAuthentication extends AbstractAuthenticationToken implements ActorPrincipal {

        ReaderAuthentication() {
            super(List.of(new SimpleGrantedAuthority(READER.role().authority())));
            setAuthenticated(true);
        }

        @Override
        public Actor actor() {
            return READER;
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return READER.name();
        }
    }
}
