package org.oneenroll.platform.control.migration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Loads China's statistical division codes (provinces, cities, counties, towns/streets) from the reference
 * CSVs shipped in the config jar into {@code region}, in the GB/T 2260 six-digit form above town level.
 * Cities without counties (东莞市, 中山市, 儋州市...) appear in the list both as a city and as a county
 * with the same code: they are stored once, as the city, and their towns hang under it.
 */
public class V2__Regions extends BaseJavaMigration {

    private static final int BATCH = 2_000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        java.util.Set<String> seen = new java.util.HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into region (code, name, level, parent_code) values (?, ?, ?, ?)")) {
            load(insert, seen, "regions/provinces.csv", "PROVINCE", r -> r.get(0) + "0000", r -> null);
            load(insert, seen, "regions/cities.csv", "CITY", r -> r.get(0) + "00", r -> r.get(2) + "0000");
            load(insert, seen, "regions/areas.csv", "COUNTY", r -> r.get(0), r -> r.get(2) + "00");
            load(insert, seen, "regions/streets.csv", "TOWN", r -> r.get(0), r -> r.get(2));
        }
    }

    private interface Column {
        String of(List<String> row);
    }

    private static void load(
            PreparedStatement insert,
            java.util.Set<String> seen,
            String resource,
            String level,
            Column code,
            Column parent)
            throws IOException, SQLException {
        InputStream in = V2__Regions.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Reference data " + resource + " is missing from the class path");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            int pending = 0;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> row = split(line);
                if (!seen.add(code.of(row))) {
                    continue;
                }
                insert.setString(1, code.of(row));
                insert.setString(2, row.get(1));
                insert.setString(3, level);
                insert.setString(4, parent.of(row));
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    /** Splits one CSV line of the reference files: comma-separated, names in double quotes. */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
