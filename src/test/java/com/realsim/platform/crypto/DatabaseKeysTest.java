package com.realsim.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import com.realsim.testsupport.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

/**
 * The keys of instances on one external PostgreSQL, each instance a {@link KeyRing} of its own on a fresh database:
 * created once in the database under the key-encryption key, taken from configuration and checked against the
 * database, refused with a message naming the setting when they differ, rotated on one instance and picked up by the
 * others.
 */
class DatabaseKeysTest {

    static final byte[] PLACE = "realsim/test".getBytes(StandardCharsets.US_ASCII);

    PGSimpleDataSource database;
    String kek;

    @BeforeEach
    void freshDatabase() throws Exception {
        TestPostgres server = TestPostgres.server();
        database = new PGSimpleDataSource();
        database.setUrl(server.newDatabaseUrl());
        database.setUser(server.user());
        database.setPassword(server.password());
        for (String migration : List.of("V171__platform_keys.sql", "V173__platform_audit_chain_key.sql")) {
            new JdbcTemplate(database)
                    .execute(Files.readString(Path.of("src/main/resources/db/migration/" + migration)));
        }
        kek = KeyMaterial.newKeyEncryptionKey();
    }

    @Test
    void instancesStartingTogetherOnAnEmptyDatabaseCreateEachKeyOnceAndShareIt() throws Exception {
        int instances = 6;
        CyclicBarrier together = new CyclicBarrier(instances);
        ExecutorService starting = Executors.newFixedThreadPool(instances);
        List<Future<KeyRing>> started = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                started.add(starting.submit((Callable<KeyRing>) () -> {
                    together.await();
                    return start(environment().withProperty("realsim.keys.kek", kek));
                }));
            }
            List<KeyRing> rings = new ArrayList<>();
            for (Future<KeyRing> ring : started) {
                rings.add(ring.get(60, TimeUnit.SECONDS));
            }

            assertThat(new JdbcTemplate(database).queryForObject("SELECT count(*) FROM platform_key", Long.class))
                    .isEqualTo(KeyName.values().length);
            byte[] sealed = rings.get(0).personalData().encrypt("张三".getBytes(StandardCharsets.UTF_8), PLACE);
            String index = blindIndex(rings.get(0));
            for (KeyRing ring : rings) {
                assertThat(new String(ring.personalData().decrypt(sealed, PLACE), StandardCharsets.UTF_8))
                        .isEqualTo("张三");
                assertThat(blindIndex(ring)).isEqualTo(index);
                assertThat(ring.jwtKeys().getKeys().get(0).getKeyID())
                        .isEqualTo(rings.get(0).jwtKeys().getKeys().get(0).getKeyID());
            }
            assertThat(new JdbcTemplate(database)
                            .queryForList("SELECT sealed FROM platform_key", byte[].class).stream()
                                    .map(bytes -> new String(bytes, StandardCharsets.ISO_8859_1)))
                    .as("no key is stored in clear")
                    .noneMatch(text -> text.contains("AesGcmKey") || text.contains("\"d\""));
        } finally {
            starting.shutdownNow();
        }
    }

    @Test
    void anInstanceWithAnotherKeyEncryptionKeyRefusesToStart() {
        start(environment().withProperty("realsim.keys.kek", kek));

        assertThatThrownBy(
                        () -> start(environment().withProperty("realsim.keys.kek", KeyMaterial.newKeyEncryptionKey())))
                .hasMessageContaining("REALSIM_KEYS_KEK does not open the key 'personal-data'");
    }

    @Test
    void withAnExternalDatabaseNoInstanceGeneratesKeysOfItsOwn() {
        assertThatThrownBy(() -> start(environment()))
                .hasMessageContaining("No key 'personal-data'")
                .hasMessageContaining("REALSIM_KEYS_PERSONAL_DATA")
                .hasMessageContaining("REALSIM_KEYS_KEK");
        assertThat(new JdbcTemplate(database).queryForObject("SELECT count(*) FROM platform_key", Long.class))
                .isZero();
    }

    @Test
    void configuredKeysAreCheckedAgainstTheDatabaseAndAnInstanceWithOtherKeysRefusesToStart() throws Exception {
        MockEnvironment configured = configured(KeyMaterial.generate(KeyName.PERSONAL_DATA));
        KeyRing first = start(configured);
        assertThat(new JdbcTemplate(database).queryForList("SELECT source FROM platform_key", String.class))
                .containsOnly("CONFIGURATION")
                .hasSize(KeyName.values().length);
        byte[] sealed = first.personalData().encrypt("110105199809181031".getBytes(StandardCharsets.UTF_8), PLACE);

        // the same settings: welcome
        start(configured(configured.getProperty(KeyName.PERSONAL_DATA.property())));

        // another personal-data key: refused, naming the setting
        assertThatThrownBy(() -> start(configured(KeyMaterial.generate(KeyName.PERSONAL_DATA))))
                .hasMessageContaining("The key 'personal-data' of this instance (REALSIM_KEYS_PERSONAL_DATA) is not the"
                        + " key of the other instances");

        // the configured key rotated (the old key kept, a new primary): accepted, and from then on the old keys alone
        // are refused
        KeyMaterial.Keys old =
                KeyMaterial.parse(KeyName.PERSONAL_DATA, configured.getProperty(KeyName.PERSONAL_DATA.property()));
        String rotated = KeyMaterial.rotated(old, Instant.now(), Instant.now());
        KeyRing renewed = start(configured(rotated));
        assertThat(renewed.personalData().decrypt(sealed, PLACE)).asString().isEqualTo("110105199809181031");
        assertThatThrownBy(() -> start(configured(configured.getProperty(KeyName.PERSONAL_DATA.property()))))
                .hasMessageContaining("REALSIM_KEYS_PERSONAL_DATA");
    }

    @Test
    void aKeyRotatedOnOneInstanceIsPickedUpByTheOthers() throws Exception {
        KeyRing first = start(environment().withProperty("realsim.keys.kek", kek));
        KeyRing second = start(environment().withProperty("realsim.keys.kek", kek));
        byte[] before = second.personalData().encrypt("before".getBytes(StandardCharsets.UTF_8), PLACE);

        first.rotate(KeyName.PERSONAL_DATA, Instant.now());
        byte[] after = first.personalData().encrypt("after".getBytes(StandardCharsets.UTF_8), PLACE);

        assertThat(first.resealed(KeyName.PERSONAL_DATA, after, PLACE))
                .as("sealed with the new primary key already")
                .isNull();
        assertThat(second.personalData().decrypt(after, PLACE))
                .as("a value sealed with the new key opens on the other instance at once")
                .asString()
                .isEqualTo("after");
        byte[] resealed = second.resealed(KeyName.PERSONAL_DATA, before, PLACE);
        assertThat(resealed).isNotNull();
        assertThat(first.personalData().decrypt(resealed, PLACE)).asString().isEqualTo("before");
        assertThat(first.personalData().decrypt(before, PLACE))
                .as("the old key stays for what it sealed")
                .asString()
                .isEqualTo("before");
    }

    @Test
    void aRotatedSigningKeyStaysPublishedUntilItsLastTokenHasExpired() {
        KeyRing ring = start(environment().withProperty("realsim.keys.kek", kek));
        JWK old = ring.jwtKeys().getKeys().get(0);
        Instant retire = Instant.now().plus(Duration.ofMinutes(31));

        ring.rotate(KeyName.JWT_SIGNING, retire);

        List<JWK> keys = ring.jwtKeys().getKeys();
        assertThat(keys).hasSize(2);
        assertThat(keys.get(0).getKeyID()).isNotEqualTo(old.getKeyID());
        assertThat(keys.get(0).getExpirationTime()).isNull();
        assertThat(keys.get(1).getKeyID()).isEqualTo(old.getKeyID());
        assertThat(keys.get(1).getExpirationTime().toInstant())
                .isEqualTo(retire.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));

        // a rotation after the old key's last token has expired drops it
        String again = KeyMaterial.rotated(
                KeyMaterial.parse(KeyName.JWT_SIGNING, new com.nimbusds.jose.jwk.JWKSet(keys).toString(false)),
                retire.plusSeconds(1),
                retire.plusSeconds(3600));
        assertThat(KeyMaterial.parse(KeyName.JWT_SIGNING, again).jwks().getKeys())
                .extracting(JWK::getKeyID)
                .doesNotContain(old.getKeyID())
                .contains(keys.get(0).getKeyID());
    }

    private KeyRing start(MockEnvironment environment) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("dataSource", database);
        KeyRing ring = new KeyRing(
                environment,
                Path.of("target/unused-keys"),
                false,
                Duration.ofSeconds(10),
                beans.getBeanProvider(javax.sql.DataSource.class),
                Clock.systemUTC());
        ring.afterSingletonsInstantiated();
        return ring;
    }

    private MockEnvironment environment() {
        return new MockEnvironment().withProperty("spring.datasource.url", database.getUrl());
    }

    private MockEnvironment configured(String personalData) {
        MockEnvironment environment = environment().withProperty(KeyName.PERSONAL_DATA.property(), personalData);
        for (KeyName name : List.of(KeyName.BLIND_INDEX, KeyName.DOCUMENTS, KeyName.JWT_SIGNING, KeyName.AUDIT_CHAIN)) {
            environment.withProperty(name.property(), otherKeys.get(name.ordinal()));
        }
        return environment;
    }

    /** The other keys, the same for every configured instance of a test. */
    private final List<String> otherKeys = List.of(
            "",
            KeyMaterial.generate(KeyName.BLIND_INDEX),
            KeyMaterial.generate(KeyName.DOCUMENTS),
            KeyMaterial.generate(KeyName.JWT_SIGNING),
            KeyMaterial.generate(KeyName.AUDIT_CHAIN));

    private static String blindIndex(KeyRing ring) throws Exception {
        return HexFormat.of().formatHex(ring.blindIndex().computePrimary(PLACE, 32));
    }
}
