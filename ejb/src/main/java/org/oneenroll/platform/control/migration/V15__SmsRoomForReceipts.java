package org.oneenroll.platform.control.migration;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Every SMS row is updated twice after its insert: when the gateway takes it and when its delivery receipt comes.
 * The receipt changes no indexed column, so PostgreSQL can make it a heap-only update, with no new entry in any of
 * the table's six indexes, but only if the row's page has room for the new version, and freshly inserted pages
 * were full. New pages now keep 40 % free for those updates. A storage setting of PostgreSQL's own: on the
 * embedded H2 database (the demo, tests) the migration changes nothing.
 */
public class V15__SmsRoomForReceipts extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (connection
                .getMetaData()
                .getDatabaseProductName()
                .toLowerCase(Locale.ROOT)
                .contains("postgres")) {
            try (Statement s = connection.createStatement()) {
                s.execute("alter table sms_message set (fillfactor = 60)");
            }
        }
    }
}
