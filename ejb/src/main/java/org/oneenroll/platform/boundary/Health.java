package org.oneenroll.platform.boundary;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.oneenroll.platform.control.SchemaMigrations;

/**
 * Answers "is this node able to serve?": the database answers, the schema is at the expected version and
 * the batch runtime can read its job repository.
 */
@Stateless
public class Health {

    @PersistenceContext
    EntityManager em;

    @Inject
    SchemaMigrations migrations;

    /** A report of named checks; {@code up} only when every check is up. */
    public record Report(boolean up, Map<String, String> checks) {}

    public Report check() {
        Map<String, String> checks = new LinkedHashMap<>();
        boolean up = true;
        try {
            Number one = (Number) em.createNativeQuery("select 1").getSingleResult();
            checks.put("database", one.intValue() == 1 ? "UP" : "DOWN");
        } catch (RuntimeException e) {
            checks.put("database", "DOWN: " + e.getClass().getSimpleName());
            up = false;
        }
        String version = migrations.version();
        checks.put("schema", version == null ? "DOWN" : "UP (version " + version + ")");
        up &= version != null;
        try {
            int jobs = BatchRuntime.getJobOperator().getJobNames().size();
            checks.put("batch", "UP (" + jobs + " jobs known)");
        } catch (RuntimeException e) {
            checks.put("batch", "DOWN: " + e.getClass().getSimpleName());
            up = false;
        }
        return new Report(up, checks);
    }
}
