package com.realsim.webhook;

import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The contract's URL rules: a webhook URL is {@code https}, and its host resolves to public addresses only — never a
 * loopback, link-local (cloud metadata), private, unique-local, carrier-grade NAT, multicast or unspecified one —
 * unless the host is listed in {@code REALSIM_WEBHOOKS_ALLOWED_HOSTS}. Checked when a webhook is registered and again
 * before every delivery, since a name that resolved to a public address once may resolve to an internal one later
 * (DNS rebinding).
 */
@Component
@RequiredArgsConstructor
class WebhookAddresses {

    static final int MAX_LENGTH = 2000;

    private final WebhookProperties properties;

    /** The URL as registered, or a 400 naming {@code url} with the rule it breaks. */
    URI check(String url) {
        if (url == null || url.isBlank()) {
            throw refused("validation.required");
        }
        if (url.length() > MAX_LENGTH) {
            throw refused("webhook.url.tooLong", MAX_LENGTH);
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw refused("webhook.url.invalid");
        }
        if (!uri.isAbsolute()
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null) {
            throw refused("webhook.url.invalid");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = host(uri);
        boolean allowed = properties.allowed(host);
        if (!scheme.equals("https") && !(allowed && scheme.equals("http"))) {
            throw refused("webhook.url.https");
        }
        problem(uri).ifPresent(key -> {
            throw refused(key);
        });
        return uri;
    }

    /**
     * What is wrong with sending to this URL now: empty when every address its host resolves to is public (or the host
     * is allowed), else the message key of the rule it breaks.
     */
    Optional<String> problem(URI uri) {
        String host = host(uri);
        if (properties.allowed(host)) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("webhook.url.unresolved");
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                return Optional.of("webhook.url.internal");
            }
        }
        return Optional.empty();
    }

    /** The host without an IPv6 literal's brackets, lower case. */
    static String host(URI uri) {
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.toLowerCase(Locale.ROOT);
    }

    /** Loopback, link-local, private (site-local), unique-local, CGNAT, multicast or the unspecified address. */
    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT 100.64.0.0/10
                    || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking 198.18.0.0/15
                    || first >= 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // unique local fc00::/7
                return true;
            }
            boolean mappedV4 = true; // ::ffff:a.b.c.d carries an IPv4 address: judge that one
            for (int i = 0; i < 10; i++) {
                mappedV4 &= bytes[i] == 0;
            }
            if (mappedV4 && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
                try {
                    return internal(InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    private static ValidationException refused(String key, Object... arguments) {
        return new ValidationException(new FieldProblem("url", ErrorCode.VALIDATION_FAILED, key, arguments));
    }
}
