package com.realsim.card.bulk;

import com.realsim.card.Iccid;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ICCIDs of a bulk action as given — a list from a page or the API, or an uploaded text/CSV file with one ICCID
 * a line (its first column; a header line {@code iccid} is skipped) — each with its line number. A bad line is
 * refused on its own with the rule it breaks (not an ICCID, the same ICCID as an earlier line); only a list with no
 * ICCID at all or more than {@link CardBulkActions#MAX_CARDS} is refused as a whole.
 */
public record BulkLines(List<Line> lines) {

    /** One line: its number (from 1), the ICCID as given, and why it is refused already, if it is. */
    public record Line(int line, String iccid, String code, String detail) {

        boolean refused() {
            return code != null;
        }
    }

    /** The given values in their order, blank ones skipped (they keep their number). */
    public static BulkLines of(List<String> values, String field) {
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int number = 0;
        for (String value : values == null ? List.<String>of() : values) {
            number++;
            String iccid = value == null ? "" : value.strip();
            if (iccid.isEmpty()) {
                continue;
            }
            if (lines.size() == CardBulkActions.MAX_CARDS) {
                throw new ValidationException(new FieldProblem(
                        field, ErrorCode.VALIDATION_FAILED, "card.bulk.tooMany", CardBulkActions.MAX_CARDS));
            }
            if (iccid.length() > 40) {
                iccid = iccid.substring(0, 40);
            }
            if (!Iccid.isValid(iccid)) {
                lines.add(new Line(number, iccid, ErrorCode.INVALID_ICCID.name(), null));
                continue;
            }
            Integer first = seen.putIfAbsent(iccid, number);
            lines.add(
                    first == null
                            ? new Line(number, iccid, null, null)
                            : new Line(number, iccid, "DUPLICATE_LINE", Integer.toString(first)));
        }
        if (lines.isEmpty()) {
            throw new ValidationException(new FieldProblem(field, ErrorCode.VALIDATION_FAILED, "card.bulk.none"));
        }
        return new BulkLines(lines);
    }

    /** An uploaded text or CSV file: the first column of each line; a first line {@code iccid} is a header. */
    public static BulkLines read(InputStream file, String field) {
        List<String> values = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(file, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (values.isEmpty() && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                String first = line.split("[,;\t]", 2)[0].strip().replace("\"", "");
                if (values.isEmpty() && first.equalsIgnoreCase("iccid")) {
                    first = "";
                }
                values.add(first);
                if (values.size() > CardBulkActions.MAX_CARDS * 2) {
                    break; // far too many: refused as a whole below, without reading the rest
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(values, field);
    }

    public int size() {
        return lines.size();
    }
}
