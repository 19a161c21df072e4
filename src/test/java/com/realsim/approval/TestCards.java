package com.realsim.approval;

import com.realsim.approval.CardEligibility.Allowed;
import com.realsim.platform.CurrentActor;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The card module's side of {@link ExceptionEligibility}, for tests: cards prepared per ICCID with the exception
 * their requirement allows, visible to an actor exactly when the actor's tenant scope covers the card's agent or
 * enterprise (as the card module's scoped look-up will be). {@code @Primary}, so that it also stands in for the card
 * module's own implementation once that exists.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestCards {

    /** Requirement codes as the card module's policy names them. */
    public static final String NON_DIRECTIONAL_DATA = "NON_DIRECTIONAL_DATA";

    public static final String SEGMENT_149_DIRECTIONAL = "SEGMENT_149_DIRECTIONAL_VOICE_SMS";
    public static final String SEGMENT_149_NON_DIRECTIONAL = "SEGMENT_149_NON_DIRECTIONAL_VOICE_SMS";
    public static final String TEST_PACKAGE = "TEST_PACKAGE";
    public static final String DIRECTIONAL_DATA_ONLY = "DIRECTIONAL_DATA_ONLY";

    @Bean
    @Primary
    Cards testCards() {
        return new Cards();
    }

    public static final class Cards implements ExceptionEligibility {

        private static final AtomicLong sequence = new AtomicLong(System.nanoTime() % 1_000_000_000L);

        private final Map<String, CardEligibility> byIccid = new ConcurrentHashMap<>();

        @Override
        public Optional<CardEligibility> forCard(String iccid) {
            return Optional.ofNullable(byIccid.get(iccid))
                    .filter(card -> CurrentActor.scope().covers(card.agentId(), card.enterpriseId()));
        }

        /** A card of this agent (and enterprise, if given) whose requirement allows this. */
        public CardEligibility add(long agentId, Long enterpriseId, Allowed allowed, String requirementCode) {
            long id = sequence.incrementAndGet();
            CardEligibility card = new CardEligibility(id, iccid(id), agentId, enterpriseId, allowed, requirementCode);
            byIccid.put(card.iccid(), card);
            return card;
        }

        public CardEligibility provincial(long agentId, Long enterpriseId) {
            return add(agentId, enterpriseId, Allowed.PROVINCIAL_APPROVAL, NON_DIRECTIONAL_DATA);
        }

        /** The same card with another requirement, as after a change of its service plan. */
        public CardEligibility change(CardEligibility card, Allowed allowed, String requirementCode) {
            CardEligibility changed = new CardEligibility(
                    card.cardId(), card.iccid(), card.agentId(), card.enterpriseId(), allowed, requirementCode);
            byIccid.put(card.iccid(), changed);
            return changed;
        }

        /** A 20-digit ICCID with the 8986 prefix and a Luhn check digit. */
        static String iccid(long id) {
            String body = "8986" + String.format("%015d", id);
            int sum = 0;
            for (int i = 0; i < body.length(); i++) {
                int digit = body.charAt(body.length() - 1 - i) - '0';
                if (i % 2 == 0) {
                    digit *= 2;
                    if (digit > 9) {
                        digit -= 9;
                    }
                }
                sum += digit;
            }
            return body + (10 - sum % 10) % 10;
        }
    }
}
