package com.realsim.risk;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of each rule: one statement per rule over all cards (docs/risk.md). Each rule's finding is a query that
 * answers one row per subject — its kind, key and masked form, the card (for a card subject), the subject's tenant
 * where it has one, the masked evidence and the ids of the cards concerned — and {@link #UPSERT} turns the findings
 * into alerts in the same statement: a new alert where none is open for the rule and subject and none was dismissed
 * within the cooldown, otherwise the open one is seen again (evidence renewed, severity raised, never lowered).
 *
 * <p>The findings read the tables of the modules below (card, its usage summary card_usage_summary of V330, card_end_user,
 * card_blocking_reason,
 * service_plan, business_order, enterprise, barred_identity) and write none of them; no rule reads the daily usage. Parameters are bound by name:
 * the rule's parameters, {@code :now} (the scan's instant) and {@code :today} (its day in China).
 */
final class RuleStatements {

    /** The finding of a card subject, from a query whose card is {@code c}. */
    private static String cardFinding(String evidence, String fromWhere) {
        return """
                SELECT 'CARD' AS subject_kind, c.id::text AS subject_key, c.iccid AS subject_masked, c.id AS card_id,
                       c.agent_id, c.enterprise_id,
                       jsonb_build_object('iccid', c.iccid, 'state', c.state) || %s AS evidence,
                       ARRAY[c.id] AS cards
                """.formatted(evidence) + fromWhere;
    }

    /** The masked form of an IMEI, as card.Imei#mask writes it. */
    private static String maskedImei(String column) {
        return "(left(%1$s, 8) || '****' || substr(%1$s, 13))".formatted(column);
    }

    /**
     * The end user's identity held by current bindings of live cards, grouped by its blind index, for the identities
     * that {@code found} answers and {@code having} confirms (a query of blind indexes: the thresholds are judged
     * there, on counts alone, so that the evidence — ordered and distinct aggregates — is built only for the
     * identities found, through the index on the blind index, not for all of them).
     */
    private static String identityFinding(String found, String having, String evidence) {
        return """
                SELECT 'IDENTITY' AS subject_kind, u.id_number_bidx AS subject_key,
                       min(u.id_number_masked) AS subject_masked, NULL::bigint AS card_id,
                       CASE WHEN count(DISTINCT c.agent_id) = 1 THEN min(c.agent_id) END AS agent_id,
                       CASE WHEN count(DISTINCT c.enterprise_id) = 1 THEN min(c.enterprise_id) END AS enterprise_id,
                       jsonb_build_object('idNumber', min(u.id_number_masked), 'cards', count(*),
                                          'enterprises', count(DISTINCT c.enterprise_id),
                                          'operators', jsonb_agg(DISTINCT c.operator),
                                          'iccids', to_jsonb((array_agg(c.iccid ORDER BY c.iccid))[1 : 50])) || %s
                           AS evidence,
                       array_agg(c.id) AS cards
                FROM card_end_user u JOIN card c ON c.id = u.card_id
                WHERE u.ended_at IS NULL AND c.state <> 'CANCELLED'
                  AND u.id_number_bidx IN (%s)
                GROUP BY u.id_number_bidx
                HAVING %s
                """.formatted(evidence, found, having);
    }

    private static final Map<RuleCode, String> FINDINGS = new EnumMap<>(RuleCode.class);

    static {
        FINDINGS.put(RuleCode.SLEEPING_CARD, cardFinding("""
                        jsonb_build_object('lastUsageAt', CAST(g.last_usage_on AS timestamp) AT TIME ZONE 'Asia/Shanghai',
                                           'days', :days)""", """
                        FROM card_usage_summary g
                        JOIN card c ON c.id = g.card_id
                        WHERE c.state IN ('ACTIVE', 'SUSPENDED')
                          AND g.last_usage_on <= CAST((CAST(:now AS timestamptz) - make_interval(days => :days))
                                                      AT TIME ZONE 'Asia/Shanghai' AS date)
                        """));
        FINDINGS.put(
                RuleCode.SILENT_CARD,
                cardFinding("jsonb_build_object('activatedAt', c.activated_at, 'days', :days)", """
                        FROM card c
                        WHERE c.state = 'ACTIVE' AND c.first_usage_on IS NULL
                          AND c.activated_at <= CAST(:now AS timestamptz) - make_interval(days => :days)
                        """));
        FINDINGS.put(
                RuleCode.ONE_ID_MANY_CARDS,
                // identity_quota counts each identity's current bindings of live cards per operator (the card
                // module's triggers keep it, V190): the identities holding enough cards, without reading the bindings
                identityFinding("""
                        SELECT q.id_bidx FROM identity_quota q GROUP BY q.id_bidx HAVING sum(q.cards_held) >= :cards
                        """, "count(*) >= :cards", "jsonb_build_object('threshold', :cards)"));
        FINDINGS.put(
                RuleCode.IDENTITY_ACROSS_ENTERPRISES,
                identityFinding(
                        """
                        SELECT e.id_number_bidx
                        FROM (SELECT DISTINCT u.id_number_bidx, c.enterprise_id
                              FROM card_end_user u JOIN card c ON c.id = u.card_id
                              WHERE u.ended_at IS NULL AND c.state <> 'CANCELLED' AND c.enterprise_id IS NOT NULL) e
                        GROUP BY e.id_number_bidx
                        HAVING count(*) >= :enterprises
                        """,
                        "count(DISTINCT c.enterprise_id) >= :enterprises",
                        "jsonb_build_object('threshold', :enterprises)"));
        // The identities bound to live cards that share one ID address, compared by the address's blind index
        // (card.EndUserAddressKeys, identity.BlindIndex#ofAddress): never the address itself.
        FINDINGS.put(RuleCode.SHARED_ADDRESS, """
                SELECT 'ADDRESS' AS subject_kind, u.id_address_bidx AS subject_key,
                       min(u.id_address_masked) AS subject_masked, NULL::bigint AS card_id,
                       CASE WHEN count(DISTINCT c.agent_id) = 1 THEN min(c.agent_id) END AS agent_id,
                       CASE WHEN count(DISTINCT c.enterprise_id) = 1 THEN min(c.enterprise_id) END AS enterprise_id,
                       jsonb_build_object('idAddress', min(u.id_address_masked),
                                          'identities', count(DISTINCT u.id_number_bidx), 'cards', count(*),
                                          'enterprises', count(DISTINCT c.enterprise_id),
                                          'idNumbers', to_jsonb((array_agg(DISTINCT u.id_number_masked))[1 : 50]),
                                          'iccids', to_jsonb((array_agg(c.iccid ORDER BY c.iccid))[1 : 50]),
                                          'threshold', :identities) AS evidence,
                       array_agg(c.id) AS cards
                FROM card_end_user u JOIN card c ON c.id = u.card_id
                WHERE u.ended_at IS NULL AND c.state <> 'CANCELLED' AND u.id_address_bidx IS NOT NULL
                GROUP BY u.id_address_bidx
                HAVING count(DISTINCT u.id_number_bidx) >= :identities
                """);
        FINDINGS.put(
                RuleCode.MACHINE_CARD_SEPARATION,
                cardFinding("""
                        jsonb_build_object('since', r.since, 'formFactor', c.form_factor, 'boundImei', %s,
                                           'lastImei', %s, 'eid', c.eid)""".formatted(maskedImei("c.bound_imei"), maskedImei("g.last_imei")), """
                        FROM card c
                        LEFT JOIN card_usage_summary g ON g.card_id = c.id
                        JOIN card_blocking_reason r ON r.card_id = c.id AND r.reason = 'MACHINE_CARD_SEPARATION'
                                                   AND r.cleared_at IS NULL
                        WHERE c.state <> 'CANCELLED'
                        """));
        // This month's totals are kept in the card's usage summary (usage_month is the month they belong to).
        FINDINGS.put(RuleCode.OUT_OF_PROFILE_USE, cardFinding("""
                        jsonb_build_object('month', to_char(g.usage_month, 'YYYY-MM'),
                                           'dataKb', g.month_data_kb, 'smsCount', g.month_sms_count,
                                           'voiceSeconds', g.month_voice_seconds,
                                           'nonDirectionalKb', g.month_non_directional_kb,
                                           'expectedMonthlyKb', o.expected_monthly_traffic_mb * 1024,
                                           'factor', :factor,
                                           'findings', to_jsonb(array_remove(ARRAY[
                                               CASE WHEN p.sms = 'NONE' AND g.month_sms_count > 0 THEN 'SMS' END,
                                               CASE WHEN p.voice = 'NONE' AND g.month_voice_seconds > 0 THEN 'VOICE' END,
                                               CASE WHEN p.data_directional AND g.month_non_directional_kb > 0
                                                    THEN 'NON_DIRECTIONAL_DATA' END,
                                               CASE WHEN g.month_data_kb > :factor * o.expected_monthly_traffic_mb * 1024
                                                    THEN 'DATA_ABOVE_EXPECTED' END], NULL)))""", """
                        FROM card_usage_summary g
                        JOIN card c ON c.id = g.card_id
                        JOIN service_plan p ON p.id = c.plan_id
                        LEFT JOIN business_order o ON o.id = c.handled_by_order_id
                        WHERE c.state NOT IN ('INVENTORY', 'CANCELLED')
                          AND g.usage_month = CAST(date_trunc('month', CAST(:today AS date)) AS date)
                          AND ((p.sms = 'NONE' AND g.month_sms_count > 0)
                               OR (p.voice = 'NONE' AND g.month_voice_seconds > 0)
                               OR (p.data_directional AND g.month_non_directional_kb > 0)
                               OR g.month_data_kb > :factor * o.expected_monthly_traffic_mb * 1024)
                        """));
        FINDINGS.put(RuleCode.HANDSET_USE, cardFinding("""
                        jsonb_build_object('imei', %s, 'tac', t.tac, 'model', t.model,
                                           'usageDate', g.last_imei_on)""".formatted(maskedImei("g.last_imei")), """
                        FROM card_usage_summary g
                        JOIN risk_handset_tac t ON t.tac = left(g.last_imei, 8)
                        JOIN card c ON c.id = g.card_id
                        WHERE c.state NOT IN ('INVENTORY', 'CANCELLED')
                        """));
        FINDINGS.put(RuleCode.HANDLER_VELOCITY, """
                SELECT 'IDENTITY' AS subject_kind, o.handler_id_number_bidx AS subject_key,
                       min(o.handler_id_number_masked) AS subject_masked, NULL::bigint AS card_id,
                       CASE WHEN count(DISTINCT o.agent_id) = 1 THEN min(o.agent_id) END AS agent_id,
                       CASE WHEN count(DISTINCT o.enterprise_id) = 1 THEN min(o.enterprise_id) END AS enterprise_id,
                       jsonb_build_object('handler', min(o.handler_id_number_masked),
                                          'enterprises', count(DISTINCT o.enterprise_id),
                                          'orders', count(DISTINCT o.id), 'first', min(o.created_at),
                                          'last', max(o.created_at), 'days', :days, 'threshold', :enterprises)
                           AS evidence,
                       coalesce(array_agg(DISTINCT c.id) FILTER (WHERE c.id IS NOT NULL), '{}') AS cards
                FROM business_order o
                LEFT JOIN business_order_card bc ON bc.order_id = o.id
                LEFT JOIN card c ON c.iccid = bc.iccid
                WHERE o.created_at > CAST(:now AS timestamptz) - make_interval(days => :days)
                  AND o.created_at <= CAST(:now AS timestamptz)
                GROUP BY o.handler_id_number_bidx
                HAVING count(DISTINCT o.enterprise_id) >= :enterprises
                """);
        // Every binding of the last day (and the window before it) ends a window of H hours; an account is found
        // when one of its windows holds N distinct identities, with the fullest window as the evidence. A scan at
        // least once a day so sees every burst.
        FINDINGS.put(RuleCode.BINDING_VELOCITY, """
                WITH recent AS (
                    SELECT card_id, agent_id, bound_by, id_number_bidx, bound_at FROM card_end_user
                    WHERE copied_from_id IS NULL
                      AND bound_at > CAST(:now AS timestamptz) - make_interval(hours => :hours) - INTERVAL '1 day'
                      AND bound_at <= CAST(:now AS timestamptz)),
                windows AS (
                    SELECT r.agent_id, r.bound_by, r.bound_at AS window_end,
                           (SELECT count(DISTINCT x.id_number_bidx) FROM recent x
                            WHERE x.agent_id = r.agent_id AND x.bound_by = r.bound_by
                              AND x.bound_at > r.bound_at - make_interval(hours => :hours)
                              AND x.bound_at <= r.bound_at) AS identities
                    FROM recent r),
                fullest AS (
                    SELECT DISTINCT ON (agent_id, bound_by) agent_id, bound_by, window_end, identities FROM windows
                    WHERE identities >= :identities
                    ORDER BY agent_id, bound_by, identities DESC, window_end DESC)
                SELECT 'ACCOUNT' AS subject_kind, f.agent_id || ':' || f.bound_by AS subject_key,
                       f.bound_by AS subject_masked, NULL::bigint AS card_id, f.agent_id, NULL::bigint AS enterprise_id,
                       jsonb_build_object('account', f.bound_by, 'identities', f.identities, 'bindings', count(*),
                                          'from', min(r.bound_at), 'to', f.window_end, 'hours', :hours,
                                          'threshold', :identities) AS evidence,
                       array_agg(DISTINCT r.card_id) AS cards
                FROM fullest f
                JOIN recent r ON r.agent_id = f.agent_id AND r.bound_by = f.bound_by
                             AND r.bound_at > f.window_end - make_interval(hours => :hours) AND r.bound_at <= f.window_end
                GROUP BY f.agent_id, f.bound_by, f.window_end, f.identities
                """);
        FINDINGS.put(RuleCode.BARRED_IDENTITY, """
                WITH hits AS (
                    SELECT DISTINCT ON (card_id) card_id, bar_id, barred_type, basis, valid_to FROM (
                        SELECT u.card_id, b.id AS bar_id, b.subject_type AS barred_type, b.basis, b.valid_to
                        FROM card_end_user u
                        JOIN barred_identity b ON b.subject_key = u.id_number_bidx AND b.subject_type = 'PERSON'
                        WHERE u.ended_at IS NULL AND b.status = 'ACTIVE'
                          AND b.valid_from <= CAST(:today AS date) AND b.valid_to >= CAST(:today AS date)
                        UNION ALL
                        SELECT k.id, b.id, b.subject_type, b.basis, b.valid_to
                        FROM card k
                        JOIN enterprise e ON e.id = k.enterprise_id AND e.certificate_type = 'USCC'
                        JOIN barred_identity b ON b.subject_key = 'USCC:' || e.certificate_number
                                              AND b.subject_type = 'ENTERPRISE'
                        WHERE b.status = 'ACTIVE'
                          AND b.valid_from <= CAST(:today AS date) AND b.valid_to >= CAST(:today AS date)) AS all_hits
                    ORDER BY card_id, bar_id)
                """ + cardFinding("""
                                jsonb_build_object('barId', h.bar_id, 'barredType', h.barred_type, 'basis', h.basis,
                                                   'validTo', h.valid_to)""", """
                                FROM hits h JOIN card c ON c.id = h.card_id
                                WHERE c.state <> 'CANCELLED'
                                """));
    }

    /**
     * The rule's findings turned into alerts, in one statement. Answers one row: alerts opened, alerts whose
     * severity rose, and findings seen (opened plus open ones seen again).
     */
    static final String UPSERT = """
            WITH found AS (%s),
            prior AS (
                SELECT subject_kind, subject_key, severity FROM risk_alert
                WHERE rule_code = :rule AND status IN ('OPEN', 'REVERIFICATION_REQUIRED', 'OVERDUE')),
            quiet AS (
                SELECT DISTINCT subject_kind, subject_key FROM risk_alert
                WHERE rule_code = :rule AND status = 'DISMISSED' AND dismissed_until > CAST(:now AS timestamptz)),
            upserted AS (
                INSERT INTO risk_alert AS a (rule_code, severity, status, subject_kind, subject_key, subject_masked,
                                             card_id, agent_id, enterprise_id, evidence, opened_at, last_seen_at,
                                             opened_by_scan)
                SELECT :rule, :severity, 'OPEN', f.subject_kind, f.subject_key, left(f.subject_masked, 200), f.card_id,
                       f.agent_id, f.enterprise_id, f.evidence, :now, :now, :scan
                FROM found f
                WHERE NOT EXISTS (SELECT 1 FROM quiet q
                                  WHERE q.subject_kind = f.subject_kind AND q.subject_key = f.subject_key)
                ON CONFLICT (rule_code, subject_kind, subject_key)
                    WHERE status IN ('OPEN', 'REVERIFICATION_REQUIRED', 'OVERDUE')
                DO UPDATE SET severity = CASE WHEN risk_severity_rank(excluded.severity) > risk_severity_rank(a.severity)
                                              THEN excluded.severity ELSE a.severity END,
                              evidence = excluded.evidence, last_seen_at = excluded.last_seen_at,
                              version = a.version + 1
                RETURNING a.id, a.subject_kind, a.subject_key, a.severity, (a.xmax = 0) AS opened),
            linked AS (
                INSERT INTO risk_alert_card (alert_id, card_id, agent_id, enterprise_id)
                SELECT u.id, c.id, c.agent_id, c.enterprise_id
                FROM upserted u
                JOIN found f ON f.subject_kind = u.subject_kind AND f.subject_key = u.subject_key
                CROSS JOIN LATERAL unnest(f.cards) AS concerned (card_id)
                JOIN card c ON c.id = concerned.card_id
                ON CONFLICT DO NOTHING
                RETURNING 1)
            SELECT count(*) FILTER (WHERE u.opened) AS opened,
                   count(*) FILTER (WHERE NOT u.opened
                                    AND risk_severity_rank(u.severity) > risk_severity_rank(p.severity)) AS raised,
                   count(*) AS seen,
                   (SELECT count(*) FROM linked) AS linked
            FROM upserted u
            LEFT JOIN prior p ON p.subject_kind = u.subject_kind AND p.subject_key = u.subject_key
            """;

    private RuleStatements() {}

    /** The rule's statement; empty for a rule this version cannot evaluate. */
    static Optional<String> of(RuleCode code) {
        return Optional.ofNullable(FINDINGS.get(code)).map(UPSERT::formatted);
    }
}
