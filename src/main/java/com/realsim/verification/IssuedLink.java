package com.realsim.verification;

import java.time.Instant;

/**
 * A self-service link as issued: the only time its token is known.
 *
 * @param url the absolute URL for the end user's phone, {@code <public base URL>/s/<token>}
 * @param qrCodeDataUri the URL as a QR code, a {@code data:image/png;base64,…} URI for an {@code <img>}
 */
public record IssuedLink(String url, Instant expiresAt, String qrCodeDataUri) {

    @Override
    public String toString() {
        return "IssuedLink[expires " + expiresAt + "]";
    }
}
