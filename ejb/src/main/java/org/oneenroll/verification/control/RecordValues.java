package org.oneenroll.verification.control;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads typed values from a record map. Records arrive as JSON-plain values over HTTP (ISO strings, longs) and
 * as Java values from in-process lookups (LocalDate, YearMonth, lists); both read the same, and a value that
 * does not parse reads as absent rather than failing the whole verification.
 */
final class RecordValues {

    private RecordValues() {}

    /** The text, NFC-normalised and stripped; {@code null} when absent or blank. */
    static String text(Map<String, Object> record, String field) {
        Object v = record.get(field);
        if (v == null) {
            return null;
        }
        String s = nfc(v.toString()).strip();
        return s.isEmpty() ? null : s;
    }

    static LocalDate date(Map<String, Object> record, String field) {
        Object v = record.get(field);
        if (v instanceof LocalDate d) {
            return d;
        }
        String s = text(record, field);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static YearMonth month(Object v) {
        if (v instanceof YearMonth m) {
            return m;
        }
        if (v == null) {
            return null;
        }
        String s = v.toString().strip();
        try {
            return YearMonth.parse(s.length() > 7 ? s.substring(0, 7) : s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static YearMonth month(Map<String, Object> record, String field) {
        return month(record.get(field));
    }

    static Integer integer(Map<String, Object> record, String field) {
        Object v = record.get(field);
        if (v instanceof Number n) {
            return n.intValue();
        }
        String s = text(record, field);
        if (s == null) {
            return null;
        }
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Boolean bool(Map<String, Object> record, String field) {
        Object v = record.get(field);
        if (v instanceof Boolean b) {
            return b;
        }
        String s = text(record, field);
        return s == null ? null : Boolean.valueOf(s);
    }

    /** A list of months ("缴纳年月"), ascending as the platform sends it; unreadable entries are skipped. */
    static List<YearMonth> months(Map<String, Object> record, String field) {
        if (!(record.get(field) instanceof List<?> list)) {
            return null;
        }
        List<YearMonth> out = new ArrayList<>(list.size());
        for (Object o : list) {
            YearMonth m = month(o);
            if (m != null) {
                out.add(m);
            }
        }
        return out;
    }

    /** A list of nested records (co-owners). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> records(Map<String, Object> record, String field) {
        if (!(record.get(field) instanceof List<?> list)) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : list) {
            if (o instanceof Map<?, ?> m) {
                out.add((Map<String, Object>) m);
            }
        }
        return out;
    }

    static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /**
     * Whether a typed name is the name on record: the same code points after NFC normalisation and trimming.
     * Rare characters beyond the BMP (CJK extensions B to H) are surrogate pairs in Java strings; comparing
     * whole strings compares code points, so no character is ever split or folded.
     */
    static boolean sameName(String typed, String recorded) {
        if (typed == null || recorded == null) {
            return false;
        }
        return nfc(typed).strip().equals(nfc(recorded).strip());
    }

    /** Addresses and authorities compared without the spaces people and registries put in differently. */
    static boolean sameText(String typed, String recorded) {
        if (typed == null || recorded == null) {
            return false;
        }
        return squeeze(typed).equals(squeeze(recorded));
    }

    static String squeeze(String s) {
        return nfc(s).replaceAll("[\\s\\u3000]+", "");
    }
}
