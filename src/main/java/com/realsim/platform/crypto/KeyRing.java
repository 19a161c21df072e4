package com.realsim.platform.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.prf.Prf;
import com.google.crypto.tink.prf.PrfSet;
import com.nimbusds.jose.jwk.JWKSet;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The platform's secret keys ({@link KeyName}), as Google Tink keysets and a JWK set. Where they come from depends
 * on the database (docs/keys.md):
 *
 * <ul>
 *   <li>the embedded database (one instance): {@code realsim.keys.<name>}, or a file generated once under
 *       {@code ${realsim.data-dir}/keys} ({@link KeyFiles});
 *   <li>an external database ({@code spring.datasource.url}, several instances): {@code realsim.keys.<name>} on
 *       every instance, or the database, sealed with {@code realsim.keys.kek} ({@link DatabaseKeys}); no instance
 *       generates a key of its own, and one whose keys differ from the database's check values refuses to start.
 * </ul>
 *
 * Keys are read when first used (Flyway's Java migrations use them before the schema is complete) and all of them
 * checked once every bean exists, before the application serves anything. A rotation on another instance is picked
 * up within {@code realsim.keys.refresh-interval}, and at once when a ciphertext names a key this instance lacks.
 */
@Component
public class KeyRing implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);
    private static final Duration FORCED_REFRESH_SPACING = Duration.ofSeconds(1);

    record Loaded(KeyMaterial.Keys keys, int version, boolean configured) {}

    private final KeyStore store;
    private final Clock clock;
    private final Duration refreshInterval;
    private final Map<KeyName, Loaded> loaded = new EnumMap<>(KeyName.class);
    /** What {@link #loaded} holds, for reading without the lock on every seal and open. */
    private volatile Map<KeyName, Loaded> current = Map.of();

    private final Aead personalData = new CurrentAead(KeyName.PERSONAL_DATA);
    private final PrfSet blindIndex = new CurrentPrf();
    private final Aead documents = new CurrentAead(KeyName.DOCUMENTS);
    private final Mac auditChain = new CurrentMac();
    private final Object refreshing = new Object();
    private volatile Instant refreshedAt = Instant.EPOCH;
    private volatile Instant forcedAt = Instant.EPOCH;
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "realsim-key-refresh");
        thread.setDaemon(true);
        return thread;
    });

    KeyRing(
            Environment environment,
            @Value("${realsim.data-dir}") Path dataDir,
            @Value("${realsim.keys.generate-if-missing:true}") boolean generateIfMissing,
            @Value("${realsim.keys.refresh-interval:10s}") Duration refreshInterval,
            ObjectProvider<DataSource> dataSource,
            Clock clock) {
        this.clock = clock;
        this.refreshInterval = refreshInterval;
        this.store = StringUtils.hasText(environment.getProperty("spring.datasource.url"))
                ? new DatabaseKeys(environment, dataSource.getObject(), clock)
                : new KeyFiles(environment, dataDir.resolve("keys"), generateIfMissing);
    }

    /** AES-256-GCM for personal data at rest; the primary key seals, every key of the keyset opens. */
    public Aead personalData() {
        return personalData;
    }

    /** HMAC-SHA256 for the blind index of sealed ID numbers. */
    public PrfSet blindIndex() {
        return blindIndex;
    }

    /** AES-256-GCM for stored documents and the inputs of background jobs. */
    public Aead documents() {
        return documents;
    }

    /**
     * HMAC-SHA256 (256-bit tags without a key-id prefix) linking the audit trail's entries: whoever has the database
     * but not this key (from configuration, or in the database sealed with the key-encryption key that is not there)
     * cannot rewrite an entry and its successors unnoticed.
     */
    public Mac auditChain() {
        return auditChain;
    }

    /** The token signing keys: the first signs, the others (until they expire) still verify. */
    public JWKSet jwtKeys() {
        return keys(KeyName.JWT_SIGNING).jwks();
    }

    /**
     * The ciphertext sealed again with the primary key of an AEAD key, for a re-seal after a rotation; null when it is
     * sealed with the primary key already.
     */
    public byte[] resealed(KeyName name, byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
        KeyMaterial.Keys keys = keys(name);
        if (ciphertext.length > 5
                && ciphertext[0] == 1
                && ByteBuffer.wrap(ciphertext, 1, 4).getInt() == keys.primaryId()) {
            return null;
        }
        Aead aead = name == KeyName.DOCUMENTS ? documents : personalData;
        return aead.encrypt(aead.decrypt(ciphertext, associatedData), associatedData);
    }

    /** Reads and checks every key before the application serves anything. */
    @Override
    public void afterSingletonsInstantiated() {
        for (KeyName name : KeyName.values()) {
            Loaded key = loaded(name);
            store.verify(name, key.keys(), key.configured());
        }
    }

    /** Whether a key comes from configuration (and is therefore rotated there, not here). */
    boolean configured(KeyName name) {
        return loaded(name).configured();
    }

    /** Replaces a key with a new primary (see {@link KeyMaterial#rotated}) where it is stored. */
    synchronized void rotate(KeyName name, Instant retireOldAt) {
        refresh(true);
        Loaded before = loaded(name);
        if (before.configured()) {
            throw new IllegalStateException(name.id() + " comes from configuration");
        }
        String material = KeyMaterial.rotated(before.keys(), clock.instant(), retireOldAt);
        KeyMaterial.Keys keys = KeyMaterial.parse(name, material);
        store.replace(name, material, KeyMaterial.checkValue(keys), before.version());
        loaded.put(name, new Loaded(keys, before.version() + 1, false));
        this.current = new EnumMap<>(loaded);
        log.info("Rotated the key '{}': a new primary key, the older ones kept", name.id());
    }

    /** Looks for keys rotated by another instance now (at most once a second); answers whether one changed. */
    boolean refreshNow() {
        return refresh(true);
    }

    KeyMaterial.Keys keys(KeyName name) {
        refreshInBackgroundWhenDue();
        Loaded key = current.get(name);
        return key != null ? key.keys() : loaded(name).keys();
    }

    private synchronized Loaded loaded(KeyName name) {
        Loaded key = loaded.get(name);
        if (key == null) {
            KeyStore.Stored stored = store.load(name);
            key = new Loaded(KeyMaterial.parse(name, stored.material()), stored.version(), stored.configured());
            loaded.put(name, key);
            current = new EnumMap<>(loaded);
        }
        return key;
    }

    /**
     * Looks for rotated keys on a thread of its own: a caller may hold a row lock and the pool's last connection, and
     * must never wait for another connection while others wait for its lock.
     */
    private void refreshInBackgroundWhenDue() {
        if (clock.instant().isBefore(refreshedAt.plus(refreshInterval)) || !refreshQueued.compareAndSet(false, true)) {
            return;
        }
        refresher.execute(() -> {
            try {
                refresh(false);
            } finally {
                refreshQueued.set(false);
            }
        });
    }

    /**
     * Picks up keys rotated by another instance: at most every refresh interval, or (forced, at most once a second)
     * when a ciphertext did not open. Answers whether a key changed.
     */
    private boolean refresh(boolean forced) {
        Instant now = clock.instant();
        synchronized (refreshing) {
            if (forced
                    ? now.isBefore(forcedAt.plus(FORCED_REFRESH_SPACING))
                    : now.isBefore(refreshedAt.plus(refreshInterval))) {
                return false;
            }
            refreshedAt = now;
            if (forced) {
                forcedAt = now;
            }
        }
        if (current.isEmpty() || current.values().stream().allMatch(Loaded::configured)) {
            return false;
        }
        Map<KeyName, Integer> versions;
        try {
            versions = store.versions(); // not under the lock: a connection may take a while to come
        } catch (RuntimeException e) {
            log.debug("Could not look for rotated keys", e);
            return false;
        }
        boolean changed = false;
        for (Map.Entry<KeyName, Integer> version : versions.entrySet()) {
            Loaded known = current.get(version.getKey());
            if (known != null && !known.configured() && known.version() != version.getValue()) {
                reload(version.getKey());
                changed = true;
                log.info("Picked up the rotated key '{}'", version.getKey().id());
            }
        }
        return changed;
    }

    private synchronized void reload(KeyName name) {
        loaded.remove(name);
        loaded(name);
    }

    /** The current keyset of an AEAD key; a ciphertext of a key this instance lacks makes it look for a rotation. */
    private final class CurrentAead implements Aead {

        private final KeyName name;

        CurrentAead(KeyName name) {
            this.name = name;
        }

        @Override
        public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
            return keys(name).aead().encrypt(plaintext, associatedData);
        }

        @Override
        public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
            try {
                return keys(name).aead().decrypt(ciphertext, associatedData);
            } catch (GeneralSecurityException e) {
                if (refresh(true)) {
                    return keys(name).aead().decrypt(ciphertext, associatedData);
                }
                throw e;
            }
        }
    }

    private final class CurrentMac implements Mac {

        @Override
        public byte[] computeMac(byte[] data) throws GeneralSecurityException {
            return keys(KeyName.AUDIT_CHAIN).mac().computeMac(data);
        }

        @Override
        public void verifyMac(byte[] mac, byte[] data) throws GeneralSecurityException {
            keys(KeyName.AUDIT_CHAIN).mac().verifyMac(mac, data);
        }
    }

    private final class CurrentPrf extends PrfSet {

        @Override
        public int getPrimaryId() {
            return keys(KeyName.BLIND_INDEX).prf().getPrimaryId();
        }

        @Override
        public Map<Integer, Prf> getPrfs() throws GeneralSecurityException {
            return keys(KeyName.BLIND_INDEX).prf().getPrfs();
        }

        @Override
        public byte[] computePrimary(byte[] input, int outputLength) throws GeneralSecurityException {
            return keys(KeyName.BLIND_INDEX).prf().computePrimary(input, outputLength);
        }
    }
}
