package org.oneenroll.platform.control.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.oneenroll.platform.control.Migrations;

/** The migrations run on the demo's embedded database exactly as the server runs them. */
class V2__RegionsTest {

    static final String URL =
            "jdbc:h2:mem:migrations;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    @Test
    void buildTheSchemaAndLoadChinasDivisions() throws SQLException {
        MigrateResult result =
                Migrations.configure().dataSource(URL, "sa", "").load().migrate();
        assertEquals("16", result.targetSchemaVersion);
        try (Connection c = DriverManager.getConnection(URL, "sa", "");
                Statement s = c.createStatement()) {
            s.execute("set schema oneenroll");
            assertEquals(
                    34,
                    count(s, "select count(*) from region where level = 'PROVINCE'") + 3,
                    "31 provinces in the 2023 statistical list (Taiwan, Hong Kong and Macao are not in it)");
            assertTrue(count(s, "select count(*) from region where level = 'COUNTY'") > 2_800);
            assertEquals(0, count(s, "select count(*) from enrollment_case"), "V4 made the case tables");
            assertEquals(0, count(s, "select count(*) from verification_evidence"));
            assertEquals(20, count(s, "select count(*) from region where parent_code = '620123'"), "榆中县 has 20 towns");
            try (ResultSet r = s.executeQuery("select name, parent_code from region where code = '620123'")) {
                assertTrue(r.next());
                assertEquals("榆中县", r.getString(1));
                assertEquals("620100", r.getString(2));
            }
            assertEquals(1, count(s, "select count(*) from region where code = '620100' and parent_code = '620000'"));
        }
        assertEquals(
                0,
                Migrations.configure().dataSource(URL, "sa", "").load().migrate().migrationsExecuted,
                "a second start changes nothing");
    }

    @Test
    void splitsQuotedCsvCells() {
        assertEquals(java.util.List.of("620123100", "城关镇", "620123"), V2__Regions.split("620123100,\"城关镇\",620123"));
        assertEquals(java.util.List.of("1", "a,\"b\""), V2__Regions.split("1,\"a,\"\"b\"\"\""));
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
