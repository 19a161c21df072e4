package com.realsim.card;

import com.realsim.identity.BarredHoldings;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The identity module's question about a barred person: the cards whose current end user they are. */
@Component
@RequiredArgsConstructor
class CardsOfBarredPersons implements BarredHoldings {

    private final JdbcClient jdbc;

    @Override
    public List<String> cardsHeldBy(String personIndex) {
        return jdbc.sql("""
                        SELECT c.iccid FROM card_end_user u JOIN card c ON c.id = u.card_id
                        WHERE u.id_number_bidx = ? AND u.ended_at IS NULL AND c.state <> 'CANCELLED'
                        ORDER BY c.iccid""").param(personIndex).query(String.class).list();
    }
}
