package org.unionportal.api.table;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An upload copied to a temporary file, so that it is read from disk rather than held in memory: CSV needs a
 * second pass when it turns out not to be UTF-8, and a ZIP (XLSX) is read by its central directory at the end.
 * While copying, the bytes are checked for being well-formed UTF-8.
 */
final class Spool implements Closeable {
    /** Thrown when the upload is larger than allowed. */
    static final class TooLarge extends Exception {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    final Path file;
    final long size;
    final boolean utf8;
    /** The first bytes (up to 4), for byte-order marks and file signatures. */
    final byte[] head;

    private Spool(Path file, long size, boolean utf8, byte[] head) {
        this.file = file;
        this.size = size;
        this.utf8 = utf8;
        this.head = head;
    }

    static Spool of(InputStream in, long maxBytes) throws IOException, TooLarge {
        Path file = Files.createTempFile("roster-", ".upload");
        boolean ok = false;
        try {
            Utf8Check check = new Utf8Check();
            byte[] head = new byte[4];
            int headLen = 0;
            long size = 0;
            byte[] buf = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(file)) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    if (n == 0) {
                        continue;
                    }
                    size += n;
                    if (size > maxBytes) {
                        throw new TooLarge();
                    }
                    for (int i = 0; i < n && headLen < 4; i++) {
                        head[headLen++] = buf[i];
                    }
                    check.update(buf, n);
                    out.write(buf, 0, n);
                }
            }
            byte[] h = new byte[headLen];
            System.arraycopy(head, 0, h, 0, headLen);
            Spool s = new Spool(file, size, check.finish(), h);
            ok = true;
            return s;
        } finally {
            if (!ok) {
                Files.deleteIfExists(file);
            }
        }
    }

    boolean startsWith(int... bytes) {
        if (head.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Strict UTF-8 well-formedness (no overlongs, no surrogates, nothing above U+10FFFF), fed in chunks. */
    static final class Utf8Check {
        private boolean valid = true;
        private int pending; // continuation bytes still expected
        private int lo = 0x80; // bounds of the next continuation byte
        private int hi = 0xBF;

        void update(byte[] b, int n) {
            if (!valid) {
                return;
            }
            int pend = pending;
            int l = lo;
            int h = hi;
            for (int i = 0; i < n; i++) {
                int c = b[i] & 0xFF;
                if (pend == 0) {
                    if (c < 0x80) {
                        continue;
                    }
                    l = 0x80;
                    h = 0xBF;
                    if (c >= 0xC2 && c <= 0xDF) {
                        pend = 1;
                    } else if (c >= 0xE0 && c <= 0xEF) {
                        pend = 2;
                        if (c == 0xE0) {
                            l = 0xA0;
                        } else if (c == 0xED) {
                            h = 0x9F;
                        }
                    } else if (c >= 0xF0 && c <= 0xF4) {
                        pend = 3;
                        if (c == 0xF0) {
                            l = 0x90;
                        } else if (c == 0xF4) {
                            h = 0x8F;
                        }
                    } else {
                        valid = false;
                        return;
                    }
                } else {
                    if (c < l || c > h) {
                        valid = false;
                        return;
                    }
                    pend--;
                    l = 0x80;
                    h = 0xBF;
                }
            }
            pending = pend;
            lo = l;
            hi = h;
        }

        boolean finish() {
            return valid && pending == 0;
        }
    }
}
