package com.realsim.platform.crypto;

import com.realsim.platform.jobs.JobContext;
import com.realsim.platform.jobs.JobHandler;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After a rotation of an AEAD key, seals everything sealed with it anew under the new primary key: every
 * {@link SealedData} of that key, batch by batch, each batch its own transaction. It waits first until every
 * instance has picked up the new key (twice {@code realsim.keys.refresh-interval}), so that nothing sealed afterwards
 * uses the old one. Resumable: the checkpoint names the data and the cursor, so a run taken over by another instance
 * goes on where the dead one stopped.
 */
@Component
class ResealJob implements JobHandler {

    static final String KIND = "key-reseal";
    static final int BATCH = 200;

    private static final Logger log = LoggerFactory.getLogger(ResealJob.class);

    private final List<SealedData> data;
    private final TransactionTemplate batches;
    private final Duration propagation;

    ResealJob(
            List<SealedData> data,
            TransactionTemplate batches,
            @Value("${realsim.keys.refresh-interval:10s}") Duration refreshInterval) {
        this.data = data.stream().sorted(Comparator.comparing(SealedData::name)).toList();
        this.batches = batches;
        this.propagation = refreshInterval.multipliedBy(2);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(JobContext job) throws InterruptedException {
        KeyName key = KeyName.of(job.subject()).orElseThrow();
        Thread.sleep(propagation.toMillis());
        Checkpoint at = Checkpoint.parse(job.checkpoint());
        long rows = 0;
        long resealed = 0;
        List<SealedData> ofKey = data.stream().filter(d -> d.key() == key).toList();
        for (int i = at.index(); i < ofKey.size(); i++) {
            SealedData sealed = ofKey.get(i);
            String cursor = i == at.index() ? at.cursor() : null;
            do {
                String after = cursor;
                SealedData.Batch batch = batches.execute(status -> sealed.resealNext(after, BATCH));
                rows += batch.rows();
                resealed += batch.resealed();
                cursor = batch.next();
                job.checkpoint(new Checkpoint(cursor == null ? i + 1 : i, cursor).toString());
                job.progress(rows, null);
            } while (cursor != null);
            log.info("Re-sealed {} with the new '{}' key", sealed.name(), key.id());
        }
        log.info("Re-seal of '{}' done: {} rows looked at, {} sealed anew", key.id(), rows, resealed);
    }

    /** Which data (by its place in the sorted list) and where in it. */
    record Checkpoint(int index, String cursor) {

        static Checkpoint parse(String text) {
            if (text == null) {
                return new Checkpoint(0, null);
            }
            int colon = text.indexOf(':');
            String cursor = text.substring(colon + 1);
            return new Checkpoint(Integer.parseInt(text.substring(0, colon)), cursor.isEmpty() ? null : cursor);
        }

        @Override
        public String toString() {
            return index + ":" + (cursor == null ? "" : cursor);
        }
    }
}
