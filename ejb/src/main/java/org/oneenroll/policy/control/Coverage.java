package org.oneenroll.policy.control;

import java.io.Serializable;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a catchment zone covers, in the words a parent looks for: its address units (town/community/compound keys)
 * grouped by town in the official code order, then community and compound in reading order, where "二社" comes
 * before "十社" although a plain collation would not put it there.
 */
public final class Coverage {

    /** One town or street of a zone and the communities (or villages) of it the zone takes. */
    public record Town(String code, String name, List<Community> communities) implements Serializable {}

    /** One community or village; no compounds means all of it (a village or a community without compounds). */
    public record Community(String name, List<String> compounds) implements Serializable {}

    private static final String NUMERALS = "零一二三四五六七八九";
    private static final Comparator<String> READING_ORDER = readingOrder();

    private Coverage() {}

    /**
     * Groups address-unit keys ({@code town/community[/compound]}, see {@code Address.unitKey()}).
     *
     * @param townNames the county's towns by 9-digit code; a town missing here is shown by its code
     */
    public static List<Town> of(Collection<String> unitKeys, Map<String, String> townNames) {
        Map<String, Map<String, List<String>>> byTown = new TreeMap<>();
        for (String key : unitKeys) {
            String[] parts = key.split("/", 3);
            if (parts.length < 2) {
                continue;
            }
            List<String> compounds = byTown.computeIfAbsent(parts[0], t -> new TreeMap<>(READING_ORDER))
                    .computeIfAbsent(parts[1], c -> new ArrayList<>());
            if (parts.length == 3 && !compounds.contains(parts[2])) {
                compounds.add(parts[2]);
            }
        }
        List<Town> towns = new ArrayList<>();
        byTown.forEach((code, communities) -> {
            List<Community> list = new ArrayList<>();
            communities.forEach((name, compounds) -> {
                compounds.sort(READING_ORDER);
                list.add(new Community(name, List.copyOf(compounds)));
            });
            towns.add(new Town(code, townNames.getOrDefault(code, code), List.copyOf(list)));
        });
        return List.copyOf(towns);
    }

    /** Names that start with a number (一社, 十二社, 3号院) by that number, the rest as Chinese collation has them. */
    static Comparator<String> readingOrder() {
        Collator chinese = Collator.getInstance(Locale.SIMPLIFIED_CHINESE);
        return (a, b) -> {
            int na = leadingNumber(a);
            int nb = leadingNumber(b);
            if (na >= 0 && nb >= 0 && na != nb) {
                return Integer.compare(na, nb);
            }
            int byCollation = chinese.compare(a, b);
            return byCollation != 0 ? byCollation : a.compareTo(b);
        };
    }

    /** The number a name starts with, in Arabic digits or Chinese numerals up to 九百九十九; -1 if none. */
    static int leadingNumber(String name) {
        int i = 0;
        int digits = 0;
        while (i < name.length() && Character.isDigit(name.charAt(i))) {
            digits = digits * 10 + Character.digit(name.charAt(i), 10);
            i++;
        }
        if (i > 0) {
            return digits;
        }
        int total = 0;
        int pending = -1;
        boolean any = false;
        for (; i < name.length(); i++) {
            char c = name.charAt(i);
            int d = NUMERALS.indexOf(c);
            if (d >= 0) {
                pending = d;
            } else if (c == '十' || c == '百') {
                total += (pending < 0 ? 1 : pending) * (c == '十' ? 10 : 100);
                pending = -1;
            } else {
                break;
            }
            any = true;
        }
        return any ? total + Math.max(pending, 0) : -1;
    }
}
