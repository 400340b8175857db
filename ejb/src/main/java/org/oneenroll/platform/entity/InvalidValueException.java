package org.oneenroll.platform.entity;

import jakarta.ejb.ApplicationException;
import java.util.Arrays;
import java.util.Locale;
import org.oneenroll.platform.control.Messages;

/**
 * A value was refused because it breaks a rule; carries a message key and its arguments so every screen
 * can say exactly what is wrong in the user's language.
 */
@ApplicationException(rollback = true)
public class InvalidValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String messageKey;
    private final Object[] arguments;

    public InvalidValueException(String field, String messageKey, Object... arguments) {
        super(Messages.format(Messages.DEFAULT_LOCALE, messageKey, arguments));
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    /** The logical field that holds the bad value (e.g. {@code nationalId}), for showing it at the field. */
    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    public String message(Locale locale) {
        return Messages.format(locale, messageKey, arguments);
    }

    @Override
    public String toString() {
        return "InvalidValueException[" + field + ": " + messageKey + " " + Arrays.toString(arguments) + "]";
    }
}
