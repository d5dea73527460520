package org.unionportal.persistence.internal;

import org.unionportal.api.db.Dialect;
import org.unionportal.api.db.PortalDatabase;
import org.unionportal.api.db.SqlWork;

/** A test's {@link PortalDatabase} in front of another one: it overrides only what it changes or counts. */
public abstract class DelegatingDatabase implements PortalDatabase {
    private final PortalDatabase db;

    protected DelegatingDatabase(PortalDatabase db) {
        this.db = db;
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) {
        return db.inTransaction(work);
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        return db.read(work);
    }

    @Override
    public long writeGeneration() {
        return db.writeGeneration();
    }

    @Override
    public Dialect dialect() {
        return db.dialect();
    }
}
