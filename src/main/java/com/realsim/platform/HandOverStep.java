package com.realsim.platform;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A module's part of a hand-over: enterprises (with everything recorded about them) move from one agent organisation
 * to another. Each module that keeps rows of an agent's enterprises implements it and moves its own rows, set-based
 * ({@code UPDATE … WHERE enterprise_id = ANY(…)}, never a row at a time), in the caller's transaction: the account
 * module calls every step in their {@link org.springframework.core.annotation.Order} in one transaction, so a step
 * that fails leaves nothing moved. Defined here, like {@link EnterpriseDirectory}, so that the account module (at the
 * bottom of the module graph) reaches the modules above it without depending on them.
 */
public interface HandOverStep {

    /** Moves this module's rows of the hand-over's enterprises; answers what it counted (zeros when nothing). */
    Moved handOver(HandOver handOver);

    /**
     * Enterprises changing agent: all of {@code fromAgentId}'s (a suspended or revoked agent's customers) or one.
     *
     * @param enterpriseIds locked ({@code FOR UPDATE}) by the caller, held by {@code fromAgentId}
     * @param reason why, for the audit trail and the orders cancelled
     * @param by who hands them over
     */
    record HandOver(long fromAgentId, long toAgentId, List<Long> enterpriseIds, String reason, Actor by, Instant at) {

        public HandOver {
            enterpriseIds = List.copyOf(enterpriseIds);
            Objects.requireNonNull(reason);
            Objects.requireNonNull(at);
        }

        /** The ids as a SQL array parameter ({@code CAST(:ids AS bigint[])}). */
        public Long[] ids() {
            return enterpriseIds.toArray(Long[]::new);
        }
    }

    /** What moved: the enterprises, their cards, and the open orders cancelled on the way. */
    record Moved(long enterprises, long cards, long ordersCancelled) {

        public static final Moved NOTHING = new Moved(0, 0, 0);

        public Moved plus(Moved other) {
            return new Moved(
                    enterprises + other.enterprises, cards + other.cards, ordersCancelled + other.ordersCancelled);
        }
    }
}
