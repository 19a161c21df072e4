package com.realsim.card.inventory;

import com.realsim.card.CardFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * An inventory CSV of {@code rows} fresh, valid cards, generated line by line as it is read: a file of any size
 * without holding it in memory (for the 100,000-row test and the benchmark).
 */
final class GeneratedInventory extends InputStream {

    private static final String[] OPERATORS = {"CHINA_MOBILE", "CHINA_UNICOM", "CHINA_TELECOM", "CHINA_BROADNET"};

    private final int rows;
    private final String plan;
    private int next = -1;
    private byte[] line = "iccid,msisdn,imsi,operator,planCode\n".getBytes(StandardCharsets.US_ASCII);
    private int position;

    GeneratedInventory(int rows, String plan) {
        this.rows = rows;
        this.plan = plan;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return line[position++];
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(length, line.length - position);
        System.arraycopy(line, position, buffer, offset, n);
        position += n;
        return n;
    }

    private boolean fill() {
        while (position >= line.length) {
            next++;
            if (next >= rows) {
                return false;
            }
            line = (CardFixtures.iccid() + "," + CardFixtures.msisdn("139") + "," + CardFixtures.imsi() + ","
                            + OPERATORS[next % OPERATORS.length] + "," + plan + "\n")
                    .getBytes(StandardCharsets.US_ASCII);
            position = 0;
        }
        return true;
    }
}
