package com.realsim.order;

import com.realsim.identity.IdType;
import java.time.LocalDate;
import java.util.List;

/**
 * A business order as typed in the page or sent to the API, before any check: {@link OrderService#create} checks
 * every field at once and answers all problems together, named as the API names them ({@code iccids[3]},
 * {@code handler.idNumber}, {@code device.model}, {@code replacements[0].newIccid}).
 *
 * @param iccids the cards; for a CARD_REPLACEMENT they may be left out (the old cards of {@code replacements} are the
 *     order's cards), or must name exactly those
 * @param device what the cards are for: NEW_INSTALL only
 * @param targetEnterpriseId the enterprise receiving the cards: TRANSFER only
 * @param replacements old card → new card: CARD_REPLACEMENT only
 * @param imei the device the cards are bound to from now on: REBIND_IMEI only
 */
public record OrderInput(
        OrderType type,
        Long enterpriseId,
        List<String> iccids,
        HandlerInput handler,
        DeviceInput device,
        Long targetEnterpriseId,
        List<ReplacementInput> replacements,
        String imei) {

    /** The handler (经办人) as typed: personal data, never logged. */
    public record HandlerInput(
            String name, IdType idType, String idNumber, String idAddress, LocalDate authorizationValidTo) {

        @Override
        public String toString() {
            return "HandlerInput[" + idType + "]";
        }
    }

    /** The devices the cards go into (使用设备资料). */
    public record DeviceInput(String type, String model, String industryScenario, Integer expectedMonthlyTrafficMb) {}

    /** One card replacement: the enterprise's card and the inventory card that takes its place. */
    public record ReplacementInput(String oldIccid, String newIccid) {}

    @Override
    public String toString() {
        return "OrderInput[" + type + ", enterprise " + enterpriseId + ", " + (iccids == null ? 0 : iccids.size())
                + " cards]";
    }
}
