package org.oneenroll.verification.entity;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.oneenroll.platform.control.Messages;

/**
 * A sentence for reviewers and parents, kept as a message key of the {@code messages} bundles and its
 * arguments, so it is stored once and shown in the reader's language. An argument may itself be a
 * {@code MessageRef} (a source's or a proof's name), rendered in the same language.
 *
 * @param args strings, numbers or nested {@code MessageRef}s; dates and months are kept in ISO form
 */
public record MessageRef(String key, List<Object> args) {

    public MessageRef {
        Objects.requireNonNull(key, "key");
        List<Object> copy = new ArrayList<>(args.size());
        for (Object a : args) {
            copy.add(
                    a instanceof MessageRef || a instanceof Number || a instanceof String
                            ? a
                            : a instanceof LocalDate || a instanceof YearMonth ? a.toString() : String.valueOf(a));
        }
        args = List.copyOf(copy);
    }

    public static MessageRef of(String key, Object... args) {
        List<Object> list = new ArrayList<>(args.length);
        for (Object a : args) {
            list.add(a == null ? "" : a);
        }
        return new MessageRef(key, list);
    }

    /** The sentence in {@code locale} (Chinese when {@code null}). */
    public String render(Locale locale) {
        Object[] rendered = new Object[args.size()];
        for (int i = 0; i < rendered.length; i++) {
            Object a = args.get(i);
            // Numbers as plain digits: MessageFormat would group 2026 into "2,026".
            rendered[i] = a instanceof MessageRef m ? m.render(locale) : a instanceof Number n ? n.toString() : a;
        }
        return Messages.format(locale, key, rendered);
    }

    @Override
    public String toString() {
        return key + args;
    }
}
