package com.realsim.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.identity.BlindIndex;
import com.realsim.identity.IdDocument;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The blind index of end users' ID addresses: a binding carries it from the start (the address normalised: full-width
 * forms, spaces and case do not make another address), and the Java migration V322 gives it to rows bound before
 * there was one — opened with the keys in memory, the clear address never written.
 */
@SpringBootTest
@Import(CardTestConfiguration.class)
class EndUserAddressKeysTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    EndUserAddressKeys migration;

    @Autowired
    BlindIndex blindIndex;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient sql;

    String index(String iccid) {
        return sql.sql("""
                        SELECT u.id_address_bidx FROM card_end_user u JOIN card c ON c.id = u.card_id
                        WHERE c.iccid = ? AND u.ended_at IS NULL""").param(iccid).query(String.class).optional().orElse(null);
    }

    @Test
    void aBindingCarriesTheIndexOfItsNormalisedAddressAndTheMigrationIndexesOlderRows() throws Exception {
        CardFixtures fx = new CardFixtures(context);
        long agentId = CardFixtures.newAgent();
        long enterpriseId = fx.verifiedEnterprise(agentId);
        String typed = "上海市浦东新区 世纪大道 " + System.nanoTime() % 1_000_000 + " 号 B 座";
        String fullWidth = typed.replace(" ", "　").replace("B", "ｂ").replace("0", "０");
        String first = fx.enterpriseCard(agentId, enterpriseId);
        String second = fx.enterpriseCard(agentId, enterpriseId);
        fx.bind(agentId, first, CardFixtures.newIdentity(), typed);
        IdDocument other = CardFixtures.newIdentity();
        fx.bind(agentId, second, other, fullWidth);

        String expected = blindIndex.ofAddress(typed);
        assertThat(index(first)).isEqualTo(expected).hasSize(64);
        assertThat(index(second)).as("the same address typed in full width").isEqualTo(expected);
        assertThat(blindIndex.ofAddress("上海市浦东新区世纪大道 1 号 C 座")).isNotEqualTo(expected);

        // a row bound before V321: no index yet
        sql.sql("""
                        UPDATE card_end_user SET id_address_bidx = NULL
                        WHERE card_id = (SELECT id FROM card WHERE iccid = ?) AND ended_at IS NULL""").param(second).update();
        assertThat(index(second)).isNull();

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            assertThat(migration.migrate(connection)).isGreaterThanOrEqualTo(1);
            connection.commit();
        }
        assertThat(index(second)).isEqualTo(expected);
        assertThat(index(first)).isEqualTo(expected);
        assertThat(sql.sql("SELECT count(*) FROM card_end_user WHERE id_address_bidx IS NULL")
                        .query(Long.class)
                        .single())
                .as("run again it finds nothing left")
                .isZero();
    }
}
