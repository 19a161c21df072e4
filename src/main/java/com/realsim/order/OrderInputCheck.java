package com.realsim.order;

import com.realsim.card.Iccid;
import com.realsim.identity.IdDocument;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a typed order field by field and collects every problem, so that a form or a partner sees them all at
 * once. Fields that do not belong to the order's type are ignored.
 */
final class OrderInputCheck {

    static final int MAX_TEXT = 100;
    static final int MAX_ADDRESS = 500;
    static final int MAX_SCENARIO = 200;
    static final int MAX_MONTHLY_TRAFFIC_MB = 10_000_000;

    private final List<FieldProblem> problems = new ArrayList<>();
    private final int maxCards;

    private OrderInputCheck(int maxCards) {
        this.maxCards = maxCards;
    }

    /** The checked order, or a {@link ValidationException} naming every problem. */
    static CheckedOrder check(OrderInput input, int maxCards, LocalDate today) {
        OrderInputCheck check = new OrderInputCheck(maxCards);
        OrderType type = check.present("type", input.type());
        Long enterpriseId = check.present("enterpriseId", input.enterpriseId());
        List<CheckedOrder.Replacement> replacements = List.of();
        List<String> iccids;
        if (type == OrderType.CARD_REPLACEMENT) {
            replacements = check.replacements(input.replacements());
            iccids = replacements.stream()
                    .map(CheckedOrder.Replacement::oldIccid)
                    .toList();
            check.sameCards(input.iccids(), iccids);
        } else {
            iccids = check.iccids(input.iccids());
        }
        CheckedOrder.Handler handler = check.handler(input.handler(), today);
        CheckedOrder.Device device = type == OrderType.NEW_INSTALL ? check.device(input.device()) : null;
        Long target = null;
        if (type == OrderType.TRANSFER) {
            target = check.present("targetEnterpriseId", input.targetEnterpriseId());
            if (target != null && target.equals(enterpriseId)) {
                check.problem("targetEnterpriseId", "order.targetIsSource");
            }
        }
        String imei = type == OrderType.REBIND_IMEI ? check.imei(input.imei()) : null;
        if (!check.problems.isEmpty()) {
            throw new ValidationException(check.problems);
        }
        return new CheckedOrder(type, enterpriseId, iccids, replacements, handler, device, target, imei);
    }

    private List<String> iccids(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            problems.add(new FieldProblem("iccids", ErrorCode.VALIDATION_FAILED, "NotEmpty"));
            return List.of();
        }
        if (raw.size() > maxCards) {
            problem("iccids", "order.tooManyCards", maxCards);
            return List.of();
        }
        List<String> clean = new ArrayList<>(raw.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            clean.add(iccid("iccids[" + i + "]", raw.get(i), seen, i));
        }
        return clean;
    }

    private List<CheckedOrder.Replacement> replacements(List<OrderInput.ReplacementInput> raw) {
        if (raw == null || raw.isEmpty()) {
            problems.add(new FieldProblem("replacements", ErrorCode.VALIDATION_FAILED, "NotEmpty"));
            return List.of();
        }
        if (raw.size() > maxCards) {
            problem("replacements", "order.tooManyCards", maxCards);
            return List.of();
        }
        List<CheckedOrder.Replacement> pairs = new ArrayList<>(raw.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            OrderInput.ReplacementInput pair = raw.get(i);
            String field = "replacements[" + i + "]";
            if (pair == null) {
                problems.add(new FieldProblem(field, ErrorCode.VALIDATION_FAILED, "NotNull"));
                continue;
            }
            String oldIccid = iccid(field + ".oldIccid", pair.oldIccid(), seen, i);
            String newIccid = iccid(field + ".newIccid", pair.newIccid(), seen, i);
            pairs.add(new CheckedOrder.Replacement(oldIccid, newIccid));
        }
        return pairs;
    }

    /** An optional {@code iccids} of a replacement must name exactly the old cards of the pairs. */
    private void sameCards(List<String> given, List<String> oldCards) {
        if (given == null || given.isEmpty()) {
            return;
        }
        Set<String> named = new HashSet<>();
        given.forEach(iccid -> named.add(iccid == null ? "" : iccid.strip()));
        if (!named.equals(new HashSet<>(oldCards))) {
            problem("iccids", "order.iccidsNotTheReplaced");
        }
    }

    private String iccid(String field, String raw, Map<String, Integer> seen, int index) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            problems.add(new FieldProblem(field, ErrorCode.VALIDATION_FAILED, "NotBlank"));
            return value;
        }
        if (!Iccid.isValid(value)) {
            problems.add(new FieldProblem(field, ErrorCode.INVALID_ICCID, "order.iccidInvalid"));
            return value;
        }
        Integer first = seen.putIfAbsent(value, index);
        if (first != null) {
            problem(field, "order.iccidRepeated", first + 1);
        }
        return value;
    }

    private CheckedOrder.Handler handler(OrderInput.HandlerInput handler, LocalDate today) {
        if (handler == null) {
            problems.add(new FieldProblem("handler", ErrorCode.VALIDATION_FAILED, "NotNull"));
            return null;
        }
        String name = text("handler.name", handler.name(), MAX_TEXT);
        IdDocument document = null;
        if (present("handler.idType", handler.idType()) != null) {
            try {
                document = IdDocument.of(handler.idType(), handler.idNumber(), "handler.idNumber", today);
            } catch (ValidationException e) {
                problems.addAll(e.fieldProblems());
            }
        }
        String address = text("handler.idAddress", handler.idAddress(), MAX_ADDRESS);
        LocalDate validTo = present("handler.authorizationValidTo", handler.authorizationValidTo());
        return new CheckedOrder.Handler(name, document, address, validTo);
    }

    private CheckedOrder.Device device(OrderInput.DeviceInput device) {
        if (device == null) {
            problems.add(new FieldProblem("device", ErrorCode.VALIDATION_FAILED, "NotNull"));
            return null;
        }
        String type = text("device.type", device.type(), MAX_TEXT);
        String model = text("device.model", device.model(), MAX_TEXT);
        String scenario = text("device.industryScenario", device.industryScenario(), MAX_SCENARIO);
        Integer traffic = present("device.expectedMonthlyTrafficMb", device.expectedMonthlyTrafficMb());
        if (traffic != null && (traffic <= 0 || traffic > MAX_MONTHLY_TRAFFIC_MB)) {
            problem("device.expectedMonthlyTrafficMb", "order.trafficRange", MAX_MONTHLY_TRAFFIC_MB);
        }
        return new CheckedOrder.Device(type, model, scenario, traffic == null ? 0 : traffic);
    }

    private String imei(String raw) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            problems.add(new FieldProblem("imei", ErrorCode.VALIDATION_FAILED, "NotBlank"));
        } else if (!value.matches("[0-9]{15}")) {
            problem("imei", "order.imeiInvalid");
        }
        return value;
    }

    private String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, ErrorCode.VALIDATION_FAILED, "NotBlank"));
            return null;
        }
        String clean = value.strip();
        if (clean.length() > max) {
            problem(field, "order.tooLong", max);
            return null;
        }
        return clean;
    }

    private <T> T present(String field, T value) {
        if (value == null) {
            problems.add(new FieldProblem(field, ErrorCode.VALIDATION_FAILED, "NotNull"));
        }
        return value;
    }

    private void problem(String field, String messageKey, Object... arguments) {
        problems.add(new FieldProblem(field, ErrorCode.VALIDATION_FAILED, messageKey, arguments));
    }
}
