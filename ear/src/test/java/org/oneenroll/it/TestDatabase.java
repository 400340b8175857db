package org.oneenroll.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Gives each integration-test run a fresh PostgreSQL database (dropped and created again), so runs never
 * depend on what an earlier run left behind. Called by the build before the server starts.
 */
public final class TestDatabase {

    private TestDatabase() {}

    public static void main(String[] args) throws SQLException {
        String adminUrl = args[0];
        String user = args[1];
        String password = args.length > 2 ? args[2] : "";
        String database = args[3];
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("unsafe database name " + database);
        }
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
            s.execute("create database " + database + " encoding 'UTF8'");
        } catch (SQLException e) {
            throw new SQLException(
                    "Cannot create the test database " + database + " at " + adminUrl
                            + ": is PostgreSQL running? (.ci/run starts it)",
                    e);
        }
        System.out.println("Test database " + database + " is fresh");
    }
}
