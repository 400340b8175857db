package org.oneenroll.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.oneenroll.review.control.QueueQuery;

/** Runs a statement the queue builds over plain JDBC, for the queue's tests and benchmark: its rows as arrays. */
public final class QueueRows {

    private QueueRows() {}

    public static List<Object[]> of(Connection db, QueueQuery.Sql sql) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql.jdbc())) {
            for (int i = 0; i < sql.params().size(); i++) {
                s.setObject(i + 1, sql.params().get(i));
            }
            List<Object[]> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                int n = r.getMetaData().getColumnCount();
                while (r.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = r.getObject(i + 1);
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }
}
