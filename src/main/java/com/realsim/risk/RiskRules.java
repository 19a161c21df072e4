package com.realsim.risk;

import com.realsim.platform.Actor;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.NotFoundException;
import com.realsim.platform.error.ValidationException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import lombok.RequiredArgsConstructor;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules as data: everyone who works alerts reads them; ADMIN switches a rule on or off, sets its severity and
 * parameters (each checked against its range: an unknown parameter or a value out of range is refused naming it),
 * sets the module's settings and imports the handset type allocation codes. Every change is audited.
 */
@Service
@RequiredArgsConstructor
public class RiskRules {

    static final Duration LONGEST_DEADLINE = Duration.ofDays(30);
    static final Duration LONGEST_COOLDOWN = Duration.ofDays(365);

    private static final CSVFormat CSV = CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @Transactional(readOnly = true)
    public List<RiskRuleView> list() {
        return jdbc.sql("SELECT * FROM risk_rule").query(this::view).list().stream()
                .sorted((a, b) -> a.code().compareTo(b.code()))
                .toList();
    }

    @Transactional(readOnly = true)
    public RiskRuleView rule(RuleCode code) {
        return jdbc.sql("SELECT * FROM risk_rule WHERE code = ?")
                .param(code.name())
                .query(this::view)
                .optional()
                .orElseThrow(NotFoundException::new);
    }

    /** The rules a scan runs now, with their parameters. */
    @Transactional(readOnly = true)
    public List<RiskRuleView> enabled() {
        return list().stream().filter(RiskRuleView::enabled).toList();
    }

    /** ADMIN change a rule; 400 naming {@code parameters.<name>} for an unknown parameter or one out of range. */
    @Transactional
    public RiskRuleView change(RuleCode code, RuleChange change) {
        Actor admin = CurrentActor.require(Role.ADMIN);
        RiskRuleView before = jdbc.sql("SELECT * FROM risk_rule WHERE code = ? FOR UPDATE")
                .param(code.name())
                .query(this::view)
                .optional()
                .orElseThrow(NotFoundException::new);
        Map<String, BigDecimal> parameters = new TreeMap<>(before.parameters());
        List<FieldProblem> problems = new ArrayList<>();
        change.parameters().forEach((name, value) -> {
            String field = "parameters." + name;
            ParameterRange range = before.ranges().get(name);
            if (range == null) {
                problems.add(new FieldProblem(field, ErrorCode.VALIDATION_FAILED, "risk.rule.parameter.unknown"));
                return;
            }
            BigDecimal number = number(value);
            if (number == null || !range.admits(number)) {
                problems.add(new FieldProblem(
                        field,
                        ErrorCode.VALIDATION_FAILED,
                        range.integer() ? "risk.rule.parameter.wholeRange" : "risk.rule.parameter.range",
                        range.min().toPlainString(),
                        range.max().toPlainString()));
                return;
            }
            parameters.put(name, number);
        });
        boolean enabled = change.enabled() == null ? before.enabled() : change.enabled();
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Severity severity = change.severity() == null ? before.severity() : change.severity();
        jdbc.sql("""
                        UPDATE risk_rule SET enabled = ?, severity = ?, parameters = CAST(? AS jsonb), updated_at = ?,
                               updated_by = ?, version = version + 1
                        WHERE code = ?""")
                .params(
                        enabled,
                        severity.name(),
                        json.writeValueAsString(parameters),
                        Timestamp.from(clock.instant()),
                        admin.name(),
                        code.name())
                .update();
        RiskRuleView after = rule(code);
        events.publishEvent(new RiskRuleChanged(code, before, after, admin));
        return after;
    }

    private static BigDecimal number(Object value) {
        if (value instanceof Number n) {
            try {
                return new BigDecimal(n.toString());
            } catch (NumberFormatException notFinite) {
                return null;
            }
        }
        return null;
    }

    @Transactional(readOnly = true)
    public RiskSettings settings() {
        return jdbc.sql("""
                        SELECT extract(epoch FROM reverification_deadline)::bigint,
                               extract(epoch FROM dismissal_cooldown)::bigint
                        FROM risk_setting""")
                .query((rs, row) ->
                        new RiskSettings(Duration.ofSeconds(rs.getLong(1)), Duration.ofSeconds(rs.getLong(2))))
                .single();
    }

    /**
     * ADMIN set the deadline of a re-verification (more than nothing, at most 30 days) and the cooldown of a
     * dismissed alert (at most a year); a value left out keeps its setting.
     */
    @Transactional
    public RiskSettings change(Duration reverificationDeadline, Duration dismissalCooldown) {
        Actor admin = CurrentActor.require(Role.ADMIN);
        RiskSettings before = settings();
        List<FieldProblem> problems = new ArrayList<>();
        if (reverificationDeadline != null
                && (reverificationDeadline.isNegative()
                        || reverificationDeadline.isZero()
                        || reverificationDeadline.compareTo(LONGEST_DEADLINE) > 0)) {
            problems.add(new FieldProblem(
                    "reverificationDeadline", ErrorCode.VALIDATION_FAILED, "risk.settings.deadline.range"));
        }
        if (dismissalCooldown != null
                && (dismissalCooldown.isNegative() || dismissalCooldown.compareTo(LONGEST_COOLDOWN) > 0)) {
            problems.add(
                    new FieldProblem("dismissalCooldown", ErrorCode.VALIDATION_FAILED, "risk.settings.cooldown.range"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        RiskSettings after = new RiskSettings(
                reverificationDeadline == null ? before.reverificationDeadline() : reverificationDeadline,
                dismissalCooldown == null ? before.dismissalCooldown() : dismissalCooldown);
        jdbc.sql("""
                        UPDATE risk_setting SET reverification_deadline = make_interval(secs => ?),
                               dismissal_cooldown = make_interval(secs => ?), updated_at = ?, updated_by = ?,
                               version = version + 1""")
                .params(
                        after.reverificationDeadline().toSeconds(),
                        after.dismissalCooldown().toSeconds(),
                        Timestamp.from(clock.instant()),
                        admin.name())
                .update();
        events.publishEvent(RiskSettingsChanged.settings(before, after, admin));
        return after;
    }

    /**
     * ADMIN import handset type allocation codes from a CSV with the header {@code tac,model}: a row with a TAC that
     * is not 8 digits or without a model is refused with its line, the others are kept (a known TAC takes the new
     * model).
     */
    @Transactional
    public HandsetTacImport importHandsetTacs(String csv) {
        Actor admin = CurrentActor.require(Role.ADMIN);
        List<HandsetTacImport.Rejected> rejected = new ArrayList<>();
        Map<String, String> rows = new LinkedHashMap<>();
        try (CSVParser parser = CSV.parse(new StringReader(csv == null ? "" : csv))) {
            if (!parser.getHeaderNames().contains("tac")
                    || !parser.getHeaderNames().contains("model")) {
                throw new ValidationException(
                        new FieldProblem("file", ErrorCode.VALIDATION_FAILED, "risk.tac.import.header"));
            }
            for (CSVRecord row : parser) {
                long line = row.getRecordNumber() + 1;
                String tac = row.isSet("tac") ? row.get("tac") : "";
                String model = row.isSet("model") ? row.get("model") : "";
                if (tac.length() != 8 || !tac.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    rejected.add(new HandsetTacImport.Rejected(
                            line, "tac", ErrorCode.VALIDATION_FAILED.name(), "risk.tac.import.tac"));
                } else if (model.isBlank() || model.length() > 200) {
                    rejected.add(new HandsetTacImport.Rejected(
                            line, "model", ErrorCode.VALIDATION_FAILED.name(), "risk.tac.import.model"));
                } else {
                    rows.put(tac, model);
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException unreadable) {
            throw new ValidationException(
                    new FieldProblem("file", ErrorCode.VALIDATION_FAILED, "risk.tac.import.unreadable"));
        }
        if (!rows.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO risk_handset_tac (tac, model, imported_at, imported_by)
                            SELECT t.tac, t.model, :at, :by
                            FROM jsonb_each_text(CAST(:rows AS jsonb)) AS t (tac, model)
                            ON CONFLICT (tac) DO UPDATE SET model = excluded.model, imported_at = excluded.imported_at,
                                                            imported_by = excluded.imported_by""")
                    .param("at", Timestamp.from(clock.instant()))
                    .param("by", admin.name())
                    .param("rows", json.writeValueAsString(rows))
                    .update();
        }
        HandsetTacImport outcome = new HandsetTacImport(rows.size(), List.copyOf(rejected));
        events.publishEvent(RiskSettingsChanged.handsetTacs(outcome, admin));
        return outcome;
    }

    /** How many handset codes are known. */
    @Transactional(readOnly = true)
    public long handsetTacCount() {
        return jdbc.sql("SELECT count(*) FROM risk_handset_tac")
                .query(Long.class)
                .single();
    }

    private RiskRuleView view(ResultSet rs, int row) throws SQLException {
        Map<String, BigDecimal> parameters = new TreeMap<>(
                json.readValue(rs.getString("parameters"), new TypeReference<Map<String, BigDecimal>>() {}));
        Map<String, Map<String, Object>> rawRanges =
                json.readValue(rs.getString("ranges"), new TypeReference<Map<String, Map<String, Object>>>() {});
        Map<String, ParameterRange> ranges = new TreeMap<>();
        rawRanges.forEach((name, range) -> ranges.put(
                name,
                new ParameterRange(
                        new BigDecimal(range.get("min").toString()),
                        new BigDecimal(range.get("max").toString()),
                        Boolean.TRUE.equals(range.get("integer")))));
        return new RiskRuleView(
                RuleCode.valueOf(rs.getString("code").toUpperCase(Locale.ROOT)),
                rs.getBoolean("enabled"),
                Severity.valueOf(rs.getString("severity")),
                parameters,
                ranges,
                rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"));
    }
}
