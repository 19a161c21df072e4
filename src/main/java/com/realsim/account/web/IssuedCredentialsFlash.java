package com.realsim.account.web;

import com.google.crypto.tink.Aead;
import com.realsim.account.IssuedCredentials;
import com.realsim.platform.crypto.KeyRing;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Carries credentials just issued across the redirect after the POST that issued them (post-redirect-get): the page
 * that shows the secret is a GET, so reloading it creates nothing and shows the secret no more. The flash map lives
 * in the session, in PostgreSQL; the credentials travel in it sealed (AES-256-GCM with the platform's personal-data
 * key, this purpose as associated data), never in clear, and are gone after the one page that shows them.
 */
@Component
class IssuedCredentialsFlash {

    static final String ATTRIBUTE = "issuedCredentials";
    private static final byte[] PURPOSE = "account:issued-credentials-flash".getBytes(StandardCharsets.UTF_8);

    /** Credentials to show once; {@code rotated} when they replace an earlier secret of the client. */
    record Issued(IssuedCredentials credentials, boolean rotated) {}

    private final Aead aead;

    IssuedCredentialsFlash(KeyRing keys) {
        this.aead = keys.personalData();
    }

    void put(RedirectAttributes redirect, IssuedCredentials credentials, boolean rotated) {
        String plain = String.join(
                "\n",
                Long.toString(credentials.id()),
                credentials.clientId(),
                credentials.clientSecret(),
                Boolean.toString(rotated));
        try {
            byte[] sealed = aead.encrypt(plain.getBytes(StandardCharsets.UTF_8), PURPOSE);
            redirect.addFlashAttribute(ATTRIBUTE, Base64.getEncoder().encodeToString(sealed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal the issued credentials", e);
        }
    }

    /** The credentials the redirect brought, if this request is the one right after they were issued. */
    Optional<Issued> take(Model model) {
        if (!(model.getAttribute(ATTRIBUTE) instanceof String sealed)) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(
                            aead.decrypt(Base64.getDecoder().decode(sealed), PURPOSE), StandardCharsets.UTF_8)
                    .split("\n", 4);
            return Optional.of(new Issued(
                    new IssuedCredentials(Long.parseLong(parts[0]), parts[1], parts[2]),
                    Boolean.parseBoolean(parts[3])));
        } catch (GeneralSecurityException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}
