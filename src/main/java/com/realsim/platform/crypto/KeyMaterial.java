package com.realsim.platform.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.HmacParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.Prf;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * What each key is made of, and the operations on its material (a Tink JSON keyset, or a JWK set for
 * {@code jwt-signing}): generating, parsing, rotating, and the check value that tells whether two instances hold the
 * same key without revealing it.
 *
 * <p>Check values: for an AEAD keyset, a constant sealed with its primary key (a keyset holding that key opens it);
 * for the PRF keyset, the primary key's output for a constant; for the JWK set, the RFC 7638 thumbprint of the
 * signing key (public anyway).
 */
final class KeyMaterial {

    private static final byte[] CHECK = "realsim key check".getBytes(StandardCharsets.US_ASCII);

    static {
        try {
            AeadConfig.register();
            PrfConfig.register();
            MacConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private KeyMaterial() {}

    /** A parsed key: the Tink keyset and its primitive, or the JWK set. */
    record Keys(KeyName name, KeysetHandle keyset, Object primitive, JWKSet jwks) {

        Aead aead() {
            return (Aead) primitive;
        }

        PrfSet prf() {
            return (PrfSet) primitive;
        }

        Mac mac() {
            return (Mac) primitive;
        }

        /** The id of the primary key, as Tink writes it in front of every ciphertext; 0 for the JWK set. */
        int primaryId() {
            return keyset == null ? 0 : keyset.getPrimary().getId();
        }
    }

    static String generate(KeyName name) {
        try {
            return switch (name) {
                case PERSONAL_DATA, DOCUMENTS -> json(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
                case BLIND_INDEX -> json(KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF));
                case AUDIT_CHAIN -> json(KeysetHandle.generateNew(auditChainParameters()));
                case JWT_SIGNING -> new JWKSet(newRsaKey()).toString(false);
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate the key " + name.id(), e);
        }
    }

    static Keys parse(KeyName name, String material) {
        try {
            return switch (name) {
                case PERSONAL_DATA, DOCUMENTS -> tink(name, material, Aead.class);
                case BLIND_INDEX -> tink(name, material, PrfSet.class);
                case AUDIT_CHAIN -> tink(name, material, Mac.class);
                case JWT_SIGNING -> new Keys(name, null, null, jwks(material));
            };
        } catch (GeneralSecurityException | ParseException | RuntimeException e) {
            throw new IllegalStateException("The key " + name.id() + " is not "
                    + (name == KeyName.JWT_SIGNING ? "an RSA JWK or JWK set" : "a " + "Tink JSON keyset of its kind")
                    + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * The material with a new primary key: for an AEAD keyset a new AES-256-GCM key, the old ones kept for opening
     * what they sealed; for the JWK set a new signing key first, each older key marked to expire at
     * {@code retireOldAt} (when the last token it signed has expired), keys already expired dropped.
     */
    static String rotated(Keys keys, Instant now, Instant retireOldAt) {
        try {
            return switch (keys.name()) {
                case PERSONAL_DATA, DOCUMENTS -> {
                    KeysetHandle.Builder builder = KeysetHandle.newBuilder(keys.keyset());
                    builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId()
                            .makePrimary());
                    yield json(builder.build());
                }
                case JWT_SIGNING -> {
                    List<JWK> rotated = new ArrayList<>();
                    rotated.add(newRsaKey());
                    for (JWK old : keys.jwks().getKeys()) {
                        if (old.getExpirationTime() == null) {
                            rotated.add(new RSAKey.Builder(old.toRSAKey())
                                    .expirationTime(Date.from(retireOldAt))
                                    .build());
                        } else if (old.getExpirationTime().toInstant().isAfter(now)) {
                            rotated.add(old);
                        }
                    }
                    yield new JWKSet(rotated).toString(false);
                }
                case BLIND_INDEX ->
                    throw new IllegalArgumentException("The blind-index key is not rotated in place (docs/keys.md)");
                case AUDIT_CHAIN ->
                    throw new IllegalArgumentException("The audit-chain key is not rotated in place (docs/keys.md)");
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Cannot rotate the key " + keys.name().id(), e);
        }
    }

    static String checkValue(Keys keys) {
        try {
            return switch (keys.name()) {
                case PERSONAL_DATA, DOCUMENTS ->
                    Base64.getEncoder().encodeToString(keys.aead().encrypt(CHECK, place(keys.name())));
                case BLIND_INDEX -> HexFormat.of().formatHex(keys.prf().computePrimary(place(keys.name()), 16));
                case AUDIT_CHAIN -> HexFormat.of().formatHex(keys.mac().computeMac(place(keys.name())));
                case JWT_SIGNING ->
                    keys.jwks().getKeys().get(0).computeThumbprint().toString();
            };
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException(
                    "Cannot compute the check value of the key " + keys.name().id(), e);
        }
    }

    /** Whether these keys hold the key a check value was made with (rotated keys keep older ones). */
    static boolean holds(Keys keys, String checkValue) {
        try {
            return switch (keys.name()) {
                case PERSONAL_DATA, DOCUMENTS -> {
                    try {
                        byte[] opened = keys.aead().decrypt(Base64.getDecoder().decode(checkValue), place(keys.name()));
                        yield MessageDigest.isEqual(opened, CHECK);
                    } catch (GeneralSecurityException | IllegalArgumentException e) {
                        yield false;
                    }
                }
                case BLIND_INDEX -> {
                    for (Prf prf : keys.prf().getPrfs().values()) {
                        if (HexFormat.of()
                                .formatHex(prf.compute(place(keys.name()), 16))
                                .equals(checkValue)) {
                            yield true;
                        }
                    }
                    yield false;
                }
                case AUDIT_CHAIN -> {
                    try {
                        keys.mac().verifyMac(HexFormat.of().parseHex(checkValue), place(keys.name()));
                        yield true;
                    } catch (GeneralSecurityException | IllegalArgumentException e) {
                        yield false;
                    }
                }
                case JWT_SIGNING -> {
                    for (JWK key : keys.jwks().getKeys()) {
                        if (key.computeThumbprint().toString().equals(checkValue)) {
                            yield true;
                        }
                    }
                    yield false;
                }
            };
        } catch (GeneralSecurityException | JOSEException e) {
            return false;
        }
    }

    /** Whether a check value was made with the primary (signing) key of these keys rather than an older one. */
    static boolean madeWithPrimary(Keys keys, String checkValue) {
        try {
            return switch (keys.name()) {
                case PERSONAL_DATA, DOCUMENTS -> {
                    byte[] sealed = Base64.getDecoder().decode(checkValue);
                    yield sealed.length > 5 && ByteBuffer.wrap(sealed, 1, 4).getInt() == keys.primaryId();
                }
                case BLIND_INDEX, AUDIT_CHAIN, JWT_SIGNING -> checkValue(keys).equals(checkValue);
            };
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Opens the key-encryption key of {@code realsim.keys.kek} (a Tink JSON AEAD keyset). */
    static Aead keyEncryptionKey(String material) {
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(material, InsecureSecretKeyAccess.get())
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("realsim.keys.kek (REALSIM_KEYS_KEK) is not a Tink JSON AEAD keyset ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** A new key-encryption key, for people setting up a cluster ({@code docs/keys.md}). */
    static String newKeyEncryptionKey() {
        return generate(KeyName.PERSONAL_DATA);
    }

    /** HMAC-SHA256 with 256-bit tags and no key-id prefix, so that a keyset with more keys still verifies old links. */
    static HmacParameters auditChainParameters() throws GeneralSecurityException {
        return HmacParameters.builder()
                .setKeySizeBytes(32)
                .setTagSizeBytes(32)
                .setHashType(HmacParameters.HashType.SHA256)
                .setVariant(HmacParameters.Variant.NO_PREFIX)
                .build();
    }

    private static byte[] place(KeyName name) {
        return ("realsim/key-check/" + name.id()).getBytes(StandardCharsets.US_ASCII);
    }

    private static Keys tink(KeyName name, String material, Class<?> primitive) throws GeneralSecurityException {
        KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(material, InsecureSecretKeyAccess.get());
        return new Keys(name, keyset, keyset.getPrimitive(RegistryConfiguration.get(), primitive), null);
    }

    private static JWKSet jwks(String material) throws ParseException {
        JWKSet set = material.contains("\"keys\"") ? JWKSet.parse(material) : new JWKSet(RSAKey.parse(material));
        if (set.getKeys().isEmpty()
                || set.getKeys().stream().anyMatch(key -> !(key instanceof RSAKey rsa) || !rsa.isPrivate())) {
            throw new IllegalArgumentException("not RSA private keys");
        }
        return set;
    }

    private static String json(KeysetHandle keyset) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    }

    private static RSAKey newRsaKey() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .issueTime(new Date())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
