package org.oneenroll.platform.control;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.oneenroll.platform.control.migration.V15__SmsRoomForReceipts;
import org.oneenroll.platform.control.migration.V2__Regions;

/**
 * The schema migrations and where they go, the same for the server and for tests on an embedded database.
 * OneEnroll's tables live in their own schema, {@value #SCHEMA}, apart from the tables WildFly creates
 * itself in the same database (the JBeret job repository).
 */
public final class Migrations {

    public static final String SCHEMA = "oneenroll";

    private Migrations() {}

    public static FluentConfiguration configure() {
        return Flyway.configure(Migrations.class.getClassLoader())
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .locations("classpath:db/migration")
                .javaMigrations(new V2__Regions(), new V15__SmsRoomForReceipts());
    }
}
