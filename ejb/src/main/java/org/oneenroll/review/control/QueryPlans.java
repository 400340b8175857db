package org.oneenroll.review.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.oneenroll.platform.control.SchemaMigrations;

/**
 * Makes PostgreSQL plan the queue's statements for the values they carry. The driver turns a statement run
 * five times into a server-prepared one, and PostgreSQL may then use one generic plan for every value: for a
 * filtered queue that plan read 200,000 rows (0.5–0.9 s) where the plan for the values reads 3,000 (80 ms),
 * see docs/PERFORMANCE.md. The setting holds for the current transaction only; H2 (demo) needs nothing.
 */
@ApplicationScoped
public class QueryPlans {

    @Resource(lookup = SchemaMigrations.DATASOURCE)
    DataSource dataSource;

    private volatile Boolean postgres;

    /** Before the queue's statements, in their transaction. */
    public void planForTheValues(EntityManager em) {
        if (postgres()) {
            em.createNativeQuery(QueueQuery.CUSTOM_PLANS).getSingleResult();
        }
    }

    boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            try (Connection c = dataSource.getConnection()) {
                known = c.getMetaData()
                        .getDatabaseProductName()
                        .toLowerCase(Locale.ROOT)
                        .contains("postgres");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot tell which database OneEnroll runs on", e);
            }
            postgres = known;
        }
        return known;
    }
}
