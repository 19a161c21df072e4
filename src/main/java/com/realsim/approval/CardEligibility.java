package com.realsim.approval;

import com.realsim.platform.Labelled;
import java.util.Objects;

/**
 * A card as the exception rules see it.
 *
 * @param cardId the card module's id of the card
 * @param iccid the card's ICCID
 * @param agentId the agent organisation the card belongs to, if any (cards in inventory have none)
 * @param enterpriseId the enterprise the card belongs to, if any
 * @param allowed the exception the card's real-name requirement allows
 * @param requirementCode the code of the requirement that applies (e.g. {@code NON_DIRECTIONAL_DATA}), for people
 */
public record CardEligibility(
        long cardId, String iccid, Long agentId, Long enterpriseId, Allowed allowed, String requirementCode) {

    public CardEligibility {
        Objects.requireNonNull(iccid, "iccid");
        Objects.requireNonNull(allowed, "allowed");
        Objects.requireNonNull(requirementCode, "requirementCode");
    }

    /**
     * Which exception a card's requirement allows: none needed (the card needs no end-user real-name), a provincial
     * approval, a group approval, or none at all (149 numbers with non-directional voice or SMS).
     */
    public enum Allowed implements Labelled {
        NOT_NEEDED,
        PROVINCIAL_APPROVAL,
        GROUP_APPROVAL,
        NOT_ALLOWED;

        @Override
        public String messageKey() {
            return "approval.allowed." + name();
        }

        /** Whether a request of this kind fits a card that allows this. */
        public boolean permits(ExceptionKind kind) {
            return kind != null && name().equals(kind.name());
        }

        /** The kind that can be requested, or null when none can. */
        public ExceptionKind requestableKind() {
            return switch (this) {
                case PROVINCIAL_APPROVAL -> ExceptionKind.PROVINCIAL_APPROVAL;
                case GROUP_APPROVAL -> ExceptionKind.GROUP_APPROVAL;
                case NOT_NEEDED, NOT_ALLOWED -> null;
            };
        }
    }
}
