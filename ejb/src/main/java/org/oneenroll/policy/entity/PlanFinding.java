package org.oneenroll.policy.entity;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.oneenroll.platform.control.Messages;

/**
 * One finding of the plan checks: which rule, and the message key and figures that say in the reader's language what
 * is wrong and by how much.
 *
 * @param rule what was checked, such as {@code dates.notice}; stable, for tests and screens to tell findings apart
 */
public record PlanFinding(String rule, String messageKey, List<String> arguments) implements Serializable {

    public PlanFinding {
        arguments = List.copyOf(arguments);
    }

    public static PlanFinding of(String rule, String messageKey, Object... arguments) {
        return new PlanFinding(
                rule,
                messageKey,
                java.util.Arrays.stream(arguments).map(String::valueOf).toList());
    }

    public String message(Locale locale) {
        return Messages.format(locale, messageKey, arguments.toArray());
    }

    /** The message in Chinese, the language of the public record. */
    public String message() {
        return message(Messages.DEFAULT_LOCALE);
    }
}
