package com.realsim.platform.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.HmacParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The platform's secret keys, as Google Tink keysets:
 *
 * <ul>
 *   <li>{@code personal-data}: AES-256-GCM for ID numbers, addresses and other personal data at rest;
 *   <li>{@code blind-index}: HMAC-SHA256 PRF for equality look-ups of sealed values (one ID, at most N cards);
 *   <li>{@code documents}: AES-256-GCM for stored files (certificate photos, ID photos, letters).
 * </ul>
 *
 * Each comes from the property {@code realsim.keys.<name>} (a Tink JSON keyset; in production set it through the
 * environment, e.g. {@code REALSIM_KEYS_PERSONAL_DATA}). When it is missing and
 * {@code realsim.keys.generate-if-missing} is true (the default, for the embedded setup), a keyset is generated once
 * under {@code ${realsim.data-dir}/keys} and a warning is logged: whoever holds that directory can read the data.
 */
@Component
public class KeyRing {

    private final Aead personalData;
    private final PrfSet blindIndex;
    private final Aead documents;
    private final Mac auditChain;

    KeyRing(
            Environment environment,
            @Value("${realsim.data-dir}") Path dataDir,
            @Value("${realsim.keys.generate-if-missing:true}") boolean generateIfMissing) {
        try {
            AeadConfig.register();
            PrfConfig.register();
            MacConfig.register();
            KeyFiles files = new KeyFiles(environment, dataDir.resolve("keys"), generateIfMissing);
            this.personalData = keyset(files, "personal-data", PredefinedAeadParameters.AES256_GCM)
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
            this.blindIndex = keyset(files, "blind-index", PredefinedPrfParameters.HMAC_SHA256_PRF)
                    .getPrimitive(RegistryConfiguration.get(), PrfSet.class);
            this.documents = keyset(files, "documents", PredefinedAeadParameters.AES256_GCM)
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
            this.auditChain = keyset(files, "audit-chain", auditChainParameters())
                    .getPrimitive(RegistryConfiguration.get(), Mac.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the platform's keys", e);
        }
    }

    public Aead personalData() {
        return personalData;
    }

    public PrfSet blindIndex() {
        return blindIndex;
    }

    public Aead documents() {
        return documents;
    }

    /**
     * {@code audit-chain}: HMAC-SHA256 (256-bit tags without a key-id prefix, so that a rotated keyset still verifies
     * old links) linking the audit trail's entries: whoever has the database but not this key cannot rewrite an entry
     * and its successors unnoticed.
     */
    public Mac auditChain() {
        return auditChain;
    }

    static HmacParameters auditChainParameters() throws GeneralSecurityException {
        return HmacParameters.builder()
                .setKeySizeBytes(32)
                .setTagSizeBytes(32)
                .setHashType(HmacParameters.HashType.SHA256)
                .setVariant(HmacParameters.Variant.NO_PREFIX)
                .build();
    }

    private static KeysetHandle keyset(KeyFiles files, String name, Parameters parameters)
            throws GeneralSecurityException {
        String json = files.load(name, () -> {
            try {
                return TinkJsonProtoKeysetFormat.serializeKeyset(
                        KeysetHandle.generateNew(parameters), InsecureSecretKeyAccess.get());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
        return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    }
}
