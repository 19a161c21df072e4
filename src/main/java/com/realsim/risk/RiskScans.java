package com.realsim.risk;

import com.realsim.platform.Actor;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import com.realsim.platform.error.NotFoundException;
import com.realsim.platform.jobs.Jobs;
import com.realsim.risk.ScanView.ScanStatus;
import com.realsim.risk.ScanView.ScanTrigger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scans: every enabled rule over all cards ({@link RuleScan}). A scan runs on the schedule ({@code risk-scan}, once
 * across every instance) or on demand by OPS, as a background job that whichever instance picks it runs; its progress
 * is read here.
 */
@Service
@RequiredArgsConstructor
public class RiskScans {

    static final String JOB_KIND = "risk-scan";

    private final JdbcClient jdbc;
    private final Jobs jobs;
    private final RuleScan runner;

    /** OPS start a scan now: it runs in the background; its progress is read with {@link #scan}. */
    @Transactional
    public ScanView start() {
        Actor ops = CurrentActor.require(Role.OPS);
        long id = runner.insert(ScanTrigger.DEMAND, ops.name());
        jobs.start(JOB_KIND, Long.toString(id), ops, null);
        return find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public ScanView scan(long id) {
        CurrentActor.require(Role.OPS);
        return find(id).orElseThrow(NotFoundException::new);
    }

    /** The newest scans, for the dashboard. */
    @Transactional(readOnly = true)
    public List<ScanView> recent(int limit) {
        CurrentActor.require(Role.OPS);
        return jdbc.sql("SELECT * FROM risk_scan ORDER BY id DESC LIMIT ?")
                .param(limit)
                .query(RiskScans::view)
                .list();
    }

    private Optional<ScanView> find(long id) {
        return jdbc.sql("SELECT * FROM risk_scan WHERE id = ?")
                .param(id)
                .query(RiskScans::view)
                .optional();
    }

    private static ScanView view(ResultSet rs, int row) throws SQLException {
        return new ScanView(
                rs.getLong("id"),
                ScanStatus.valueOf(rs.getString("status")),
                ScanTrigger.valueOf(rs.getString("trigger")),
                rs.getString("requested_by"),
                instant(rs, "requested_at"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                rs.getInt("rules_total"),
                rs.getInt("rules_done"),
                rs.getLong("cards_scanned"),
                rs.getLong("alerts_opened"),
                rs.getLong("alerts_raised"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
