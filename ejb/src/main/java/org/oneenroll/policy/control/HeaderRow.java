package org.oneenroll.policy.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a sheet's columns by their headers, in any order, as people retype them: blanks, half-width brackets and a
 * required-mark asterisk do not matter. A missing or repeated column is a problem of row 1.
 */
final class HeaderRow {

    private final Map<String, Integer> index;
    private final List<SheetProblem> problems;

    private HeaderRow(Map<String, Integer> index, List<SheetProblem> problems) {
        this.index = index;
        this.problems = problems;
    }

    static HeaderRow of(SetupSheets.Line header, List<String> expected, Set<String> optional) {
        Map<String, String> byNormal = new HashMap<>();
        expected.forEach(h -> byNormal.put(normal(h), h));
        Map<String, Integer> index = new HashMap<>();
        List<SheetProblem> problems = new ArrayList<>();
        for (int c = 0; c < header.cells().size(); c++) {
            String column = byNormal.get(normal(header.cell(c)));
            if (column == null) {
                continue;
            }
            if (index.putIfAbsent(column, c) != null) {
                problems.add(SheetProblem.of(header.number(), column, "setup.header.twice", column));
            }
        }
        List<String> missing = expected.stream()
                .filter(h -> !optional.contains(h) && !index.containsKey(h))
                .toList();
        if (!missing.isEmpty()) {
            problems.add(SheetProblem.of(
                    header.number(),
                    "",
                    "setup.header.missing",
                    String.join("、", missing),
                    String.join("、", expected)));
        }
        return new HeaderRow(index, problems);
    }

    static String normal(String header) {
        return header.replaceAll("[\\s\\u3000*＊]", "").replace('(', '（').replace(')', '）');
    }

    List<SheetProblem> problems() {
        return problems;
    }

    /** The cell of a column in a row, "" where the sheet has no such column. */
    String cell(SetupSheets.Line line, String column) {
        return Optional.ofNullable(index.get(column)).map(line::cell).orElse("");
    }
}
