package org.oneenroll.notification.control;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The body of an {@code SmsOutbound} queue message: the outbox ids of the SMS it stands for, comma-separated. A
 * business event's single SMS travels alone; a transaction that puts many SMS on their way (results published for a
 * county) sends them in messages of up to {@link #PER_MESSAGE} ids, so the consumer reads, sends and records them
 * with a few statements instead of a few per SMS.
 */
public final class SmsIds {

    /** Ids in one queue message: enough to share the statements, few enough that a retry is cheap. */
    public static final int PER_MESSAGE = 100;

    private SmsIds() {}

    public static String format(List<Long> ids) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("a queue message stands for at least one SMS");
        }
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /**
     * The ids in {@code body}, each once, in order.
     *
     * @throws IllegalArgumentException for anything but a comma-separated list of positive numbers
     */
    public static List<Long> parse(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("empty");
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (String part : body.split(",", -1)) {
            String s = part.strip();
            long id;
            try {
                id = Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an SMS id: " + cut(s));
            }
            if (id <= 0) {
                throw new IllegalArgumentException("not an SMS id: " + id);
            }
            ids.add(id);
        }
        if (ids.size() > PER_MESSAGE * 10) {
            throw new IllegalArgumentException("too many ids in one message: " + ids.size());
        }
        return List.copyOf(ids);
    }

    /** {@code ids} cut into the bodies of queue messages of at most {@link #PER_MESSAGE} each. */
    public static List<String> bodies(List<Long> ids) {
        List<String> bodies = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += PER_MESSAGE) {
            bodies.add(format(ids.subList(from, Math.min(ids.size(), from + PER_MESSAGE))));
        }
        return bodies;
    }

    private static String cut(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
