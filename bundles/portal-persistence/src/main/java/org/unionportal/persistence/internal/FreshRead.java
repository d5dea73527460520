package org.unionportal.persistence.internal;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Reads of a value that other processes change (PostgreSQL's shared write generation), one at a time and shared by
 * the callers that arrive meanwhile. A call answers the value of a read that <em>started after the call did</em>, so
 * it never answers a value older than what was committed before it was asked; sixteen requests at once then cost a
 * read or two instead of sixteen, each with a pooled connection of its own.
 */
final class FreshRead {
    private final LongSupplier source;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readEnded = lock.newCondition();
    /** Reads begun and reads ended; one runs at a time (while {@code started > ended}), so they end in order. */
    private long started;
    private long ended;
    /** What the last ended read answered. */
    private long value;

    FreshRead(LongSupplier source) {
        this.source = source;
    }

    long get() {
        long needed;
        lock.lock();
        try {
            // a read under way began before this call: its answer may be older than the call, so wait for the next one
            needed = started + 1;
            while (ended < needed && started > ended) {
                readEnded.awaitUninterruptibly();
            }
            if (ended >= needed) {
                return value;
            }
            started++;
        } finally {
            lock.unlock();
        }
        long read = -1;
        try {
            read = source.getAsLong();
            return read;
        } finally {
            lock.lock();
            try {
                value = read;
                ended = started;
                readEnded.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
