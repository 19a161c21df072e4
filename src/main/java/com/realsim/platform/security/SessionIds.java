package com.realsim.platform.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.session.SessionIdGenerator;

/**
 * Browser session ids of 216 random bits: 27 bytes from {@link SecureRandom}, in base64url without padding, which is
 * 36 characters, the width of {@code spring_session.session_id}. Spring Session's default, a random UUID, carries 122
 * random bits, fewer than the 128 that OWASP ASVS 5.0 (7.2.3) asks of a reference token.
 */
final class SessionIds implements SessionIdGenerator {

    static final int BYTES = 27;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    @Override
    public String generate() {
        byte[] id = new byte[BYTES];
        RANDOM.nextBytes(id);
        return BASE64URL.encodeToString(id);
    }
}
