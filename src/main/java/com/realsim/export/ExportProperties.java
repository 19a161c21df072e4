package com.realsim.export;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code realsim.exports.*}.
 *
 * @param keep how long a file is kept after its export was made; the recurring job {@code export-expire} deletes it
 *     then
 * @param fetchSize the rows the cursor reads from PostgreSQL at a time
 */
@ConfigurationProperties("realsim.exports")
record ExportProperties(
        @DefaultValue("7d") Duration keep,
        @DefaultValue("1000") int fetchSize) {}
