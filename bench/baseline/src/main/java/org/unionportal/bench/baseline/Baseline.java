package org.unionportal.bench.baseline;

import java.nio.charset.StandardCharsets;

/** The fixed answer of both baselines. */
final class Baseline {
    static final String JSON = "{\"status\":\"ok\",\"n\":42}";
    static final byte[] BYTES = JSON.getBytes(StandardCharsets.UTF_8);

    private Baseline() {
    }
}
