package com.realsim.card.usage;

import com.realsim.platform.Actor;
import com.realsim.platform.error.NotFoundException;
import com.realsim.platform.jobs.JobView;
import com.realsim.platform.jobs.Jobs;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Usage files uploaded by OPS (header {@code iccid,date,dataKb,smsCount,voiceSeconds,imei,nonDirectionalKb}): queued
 * as a platform job ({@link UsageUploadJob}) that any instance runs in the background, and followed by the page.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class UsageUploadService {

    private final Jobs jobs;
    private final JdbcClient jdbc;

    /** Queues the upload; the job starts once the caller's transaction commits. Answers the upload's (job's) id. */
    @Transactional
    public long start(InputStream upload, String fileName, long bytes, Actor actor) {
        long id = jobs.start(UsageUploadJob.KIND, fileName, actor, upload);
        jdbc.sql("INSERT INTO card_usage_upload (job_id, file_name, bytes) VALUES (:id, :name, :bytes)")
                .param("id", id)
                .param("name", fileName)
                .param("bytes", bytes)
                .update();
        return id;
    }

    /** The upload with this id; not found for another kind of job. */
    public UsageUploadView upload(long id) {
        JobView job = jobs.find(id)
                .filter(found -> found.kind().equals(UsageUploadJob.KIND))
                .orElseThrow(NotFoundException::new);
        return view(job, counts(List.of(id)).get(id));
    }

    /** The newest uploads, newest first. */
    public List<UsageUploadView> recent(int limit) {
        List<JobView> recent = jobs.recent(UsageUploadJob.KIND, limit);
        Map<Long, Counts> counts = counts(recent.stream().map(JobView::id).toList());
        return recent.stream()
                .filter(job -> counts.containsKey(job.id()))
                .map(job -> view(job, counts.get(job.id())))
                .toList();
    }

    /** The rejected lines of an upload in file order, at most {@code limit}. */
    public List<UsageUploadRejection> rejected(long id, int limit) {
        upload(id);
        return jdbc.sql("SELECT line, code, field, message_key, raw FROM card_usage_upload_rejection"
                        + " WHERE job_id = :id ORDER BY line LIMIT :limit")
                .param("id", id)
                .param("limit", limit)
                .query((rs, row) -> new UsageUploadRejection(
                        rs.getLong("line"),
                        rs.getString("code"),
                        rs.getString("field"),
                        rs.getString("message_key"),
                        rs.getString("raw")))
                .list();
    }

    private record Counts(String fileName, long bytes, long linesDone, long accepted, long rejected) {}

    private Map<Long, Counts> counts(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("SELECT job_id, file_name, bytes, lines_done, accepted, rejected FROM card_usage_upload"
                        + " WHERE job_id = ANY(:ids)")
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, row) -> Map.entry(
                        rs.getLong("job_id"),
                        new Counts(
                                rs.getString("file_name"),
                                rs.getLong("bytes"),
                                rs.getLong("lines_done"),
                                rs.getLong("accepted"),
                                rs.getLong("rejected"))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    private static UsageUploadView view(JobView job, Counts counts) {
        if (counts == null) {
            throw new NotFoundException();
        }
        return new UsageUploadView(
                job.id(),
                counts.fileName(),
                job.status(),
                counts.bytes(),
                job.progress(),
                counts.linesDone(),
                counts.accepted(),
                counts.rejected(),
                job.errorKey(),
                job.ownerName(),
                job.createdAt(),
                job.finishedAt());
    }
}
