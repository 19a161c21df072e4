package com.realsim.order.web;

import com.realsim.identity.PersonFields;
import com.realsim.order.OrderInput;
import com.realsim.order.OrderType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

/**
 * The new-order form. ICCIDs are typed one per line (thousands are fine) or come from a CSV file whose first column
 * is the ICCID (a header line and empty lines are skipped); replacement pairs are lines of "old ICCID, new ICCID".
 * The handler's and the device's fields are named as the API names them, so that refusals land next to them.
 */
@Getter
@Setter
public class OrderForm {

    private OrderType type = OrderType.NEW_INSTALL;
    private Long enterpriseId;
    private String iccidsText;
    private String replacementsText;
    private HandlerForm handler = new HandlerForm();
    private DeviceForm device = new DeviceForm();
    private Long targetEnterpriseId;
    private String imei;

    /** The order as typed, with the lines of an uploaded CSV file added to the typed ones. */
    OrderInput toInput(MultipartFile csv) throws IOException {
        List<String[]> fileLines = csv == null || csv.isEmpty() ? List.of() : lines(csv);
        if (type == OrderType.CARD_REPLACEMENT) {
            List<OrderInput.ReplacementInput> pairs = new ArrayList<>();
            for (String[] line : concat(lines(replacementsText), fileLines)) {
                pairs.add(new OrderInput.ReplacementInput(line[0], line.length > 1 ? line[1] : ""));
            }
            return new OrderInput(type, enterpriseId, null, handler.toInput(), null, null, pairs, null);
        }
        List<String> iccids = new ArrayList<>();
        for (String[] line : concat(lines(iccidsText), fileLines)) {
            iccids.add(line[0]);
        }
        return new OrderInput(
                type,
                enterpriseId,
                iccids,
                handler.toInput(),
                type == OrderType.NEW_INSTALL ? device.toInput() : null,
                type == OrderType.TRANSFER ? targetEnterpriseId : null,
                null,
                type == OrderType.REBIND_IMEI ? imei : null);
    }

    private static List<String[]> concat(List<String[]> typed, List<String[]> uploaded) {
        List<String[]> all = new ArrayList<>(typed);
        all.addAll(uploaded);
        return all;
    }

    private static List<String[]> lines(String text) throws IOException {
        return text == null ? List.of() : lines(new StringReader(text));
    }

    private static List<String[]> lines(MultipartFile csv) throws IOException {
        try (Reader reader = new InputStreamReader(csv.getInputStream(), StandardCharsets.UTF_8)) {
            return lines(reader);
        }
    }

    /**
     * Non-empty lines split at commas, semicolons, tabs or spaces; a first line without digits is a header. A line of
     * separators only (a spreadsheet's empty row, {@code ,,,}) is passed over like an empty one.
     */
    private static List<String[]> lines(Reader text) throws IOException {
        List<String[]> lines = new ArrayList<>();
        BufferedReader reader = new BufferedReader(text);
        String line;
        boolean first = true;
        while ((line = reader.readLine()) != null) {
            String clean = line.replace("\uFEFF", "").strip();
            if (clean.isEmpty()) {
                continue;
            }
            if (first && clean.chars().noneMatch(Character::isDigit)) {
                first = false;
                continue;
            }
            first = false;
            String[] values = clean.replace("\"", "").split("[,;\\t ]+");
            if (values.length > 0) {
                lines.add(values);
            }
        }
        return lines;
    }

    /** The handler (经办人) part of the form. */
    public static class HandlerForm extends PersonFields {

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate authorizationValidTo;

        OrderInput.HandlerInput toInput() {
            return new OrderInput.HandlerInput(
                    getName(), getIdType(), getIdNumber(), getIdAddress(), authorizationValidTo);
        }

        public LocalDate getAuthorizationValidTo() {
            return authorizationValidTo;
        }

        public void setAuthorizationValidTo(LocalDate authorizationValidTo) {
            this.authorizationValidTo = authorizationValidTo;
        }
    }

    /** What the cards of a new installation are for (使用设备资料). */
    public static class DeviceForm {

        private String type;
        private String model;
        private String industryScenario;
        private Integer expectedMonthlyTrafficMb;

        OrderInput.DeviceInput toInput() {
            return new OrderInput.DeviceInput(type, model, industryScenario, expectedMonthlyTrafficMb);
        }

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }

        public String getModel() {
            return model;
        }

        public void setModel(String model) {
            this.model = model;
        }

        public String getIndustryScenario() {
            return industryScenario;
        }

        public void setIndustryScenario(String industryScenario) {
            this.industryScenario = industryScenario;
        }

        public Integer getExpectedMonthlyTrafficMb() {
            return expectedMonthlyTrafficMb;
        }

        public void setExpectedMonthlyTrafficMb(Integer expectedMonthlyTrafficMb) {
            this.expectedMonthlyTrafficMb = expectedMonthlyTrafficMb;
        }
    }
}
