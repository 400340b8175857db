package org.oneenroll.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.oneenroll.platform.control.migration.V2__Regions;

/**
 * Brings the database schema to the version this build expects before anything else starts: the same
 * versioned migrations on H2 (demo) and PostgreSQL (tests, production). Hibernate never changes the schema.
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
        MigrateResult result = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .javaMigrations(new V2__Regions())
                .load()
                .migrate();
        version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Database schema at version " + version + " (" + result.migrationsExecuted
                + " migrations applied now, " + result.database + ")");
    }

    public String version() {
        return version;
    }
}
