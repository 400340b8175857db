package org.oneenroll.policy.control;

import java.io.Serializable;
import org.oneenroll.platform.control.Messages;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * Why one row of an imported sheet was not taken: its row number as Excel shows it, the column (its header, or empty
 * for the whole row) and the reason in Chinese, with the message key tests and other languages go by.
 */
public record SheetProblem(int row, String column, String key, String reason) implements Serializable {

    static SheetProblem of(int row, String column, String key, Object... arguments) {
        return new SheetProblem(row, column, key, Messages.format(Messages.DEFAULT_LOCALE, key, arguments));
    }

    static SheetProblem of(int row, String column, InvalidValueException e) {
        return new SheetProblem(row, column, e.messageKey(), e.getMessage());
    }
}
