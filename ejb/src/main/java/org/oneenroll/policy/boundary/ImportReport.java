package org.oneenroll.policy.boundary;

import java.io.Serializable;
import java.util.List;
import org.oneenroll.policy.control.SheetProblem;
import org.oneenroll.policy.entity.SetupImport;

/**
 * What an import did: rows read and refused (with every reason), schools or zones created, updated and left as they
 * were, address units added to the county's list. {@link #changedNothing()} when the sheet matched the set-up already.
 *
 * @param sheetRefused the header lacked a column: no row was read
 */
public record ImportReport(
        SetupImport.Kind kind,
        String fileName,
        String sha256,
        int rowsRead,
        int rowsRefused,
        int created,
        int updated,
        int unchanged,
        int unitsListed,
        List<SheetProblem> problems,
        boolean sheetRefused)
        implements Serializable {

    public ImportReport {
        problems = List.copyOf(problems);
    }

    public boolean changedNothing() {
        return created == 0 && updated == 0 && unitsListed == 0;
    }
}
