package org.oneenroll.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema to the version this build expects before anything else starts: the same
 * versioned migrations on H2 (demo) and PostgreSQL (tests, production). Hibernate never changes the schema.
 * OneEnroll's tables live in their own schema (see {@link Migrations}).
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());
    public static final String DATASOURCE = "java:jboss/datasources/OneEnrollDS";

    @Resource(lookup = DATASOURCE)
    DataSource dataSource;

    private String version;

    @PostConstruct
    void migrate() {
        MigrateResult result =
                Migrations.configure().dataSource(dataSource).load().migrate();
        version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Database schema at version " + version + " (" + result.migrationsExecuted
                + " migrations applied now, " + result.database + ")");
    }

    public String version() {
        return version;
    }
}
