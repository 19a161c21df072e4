package com.realsim.order;

import com.realsim.identity.IdDocument;
import java.time.LocalDate;
import java.util.List;

/**
 * An order whose fields passed every check: ICCIDs normalised (Luhn checked, none twice), the handler's ID document
 * checked, and the fields of its type present.
 *
 * @param iccids the order's cards (for a replacement: the old cards, in the order of the pairs)
 * @param replacements old → new pairs (CARD_REPLACEMENT), otherwise empty
 */
record CheckedOrder(
        OrderType type,
        long enterpriseId,
        List<String> iccids,
        List<Replacement> replacements,
        Handler handler,
        Device device,
        Long targetEnterpriseId,
        String imei) {

    record Handler(String name, IdDocument idDocument, String idAddress, LocalDate authorizationValidTo) {

        @Override
        public String toString() {
            return "Handler[" + idDocument + "]";
        }
    }

    record Device(String type, String model, String industryScenario, int expectedMonthlyTrafficMb) {}

    record Replacement(String oldIccid, String newIccid) {}

    /** Every ICCID the order holds: its cards and, for a replacement, the new cards too. */
    List<String> allIccids() {
        if (replacements.isEmpty()) {
            return iccids;
        }
        return java.util.stream.Stream.concat(
                        iccids.stream(), replacements.stream().map(Replacement::newIccid))
                .toList();
    }
}
