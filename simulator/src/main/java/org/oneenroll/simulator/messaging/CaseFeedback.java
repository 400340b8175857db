package org.oneenroll.simulator.messaging;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One case status change (办件回传) the provincial platform stored, with where it stood in its case's sequence.
 *
 * @param seq            numbers the stored items since the last reset, in the order they arrived
 * @param idempotencyKey the {@code Idempotency-Key} it came with
 * @param caseNumber     the case (办件编号)
 * @param sequence       the sender's running number of the case's status changes
 * @param status         the new status
 * @param occurredAt     when the change happened
 * @param detail         free text, or {@code null}
 * @param receivedAt     when the platform stored it
 * @param order          how its sequence relates to what the case had before
 * @param highestBefore  the highest sequence the case had before this item, {@code null} for its first
 */
public record CaseFeedback(
        long seq,
        String idempotencyKey,
        String caseNumber,
        long sequence,
        String status,
        Instant occurredAt,
        String detail,
        Instant receivedAt,
        Order order,
        Long highestBefore) {

    /** Where an item's sequence stands against the highest one its case already had. */
    public enum Order {
        /** The case's first item (whatever its number), or exactly one above the highest. */
        IN_ORDER,
        /** Below the highest: it was overtaken. */
        LOWER,
        /** Equal to the highest, under another idempotency key: the same change sent twice. */
        REPEATED,
        /** More than one above the highest: items in between are missing (so far). */
        GAP
    }

    public boolean outOfOrder() {
        return order != Order.IN_ORDER;
    }

    static Order order(Long highestBefore, long sequence) {
        if (highestBefore == null || sequence == highestBefore + 1) {
            return Order.IN_ORDER;
        }
        if (sequence < highestBefore) {
            return Order.LOWER;
        }
        return sequence == highestBefore ? Order.REPEATED : Order.GAP;
    }

    /** The item as {@code GET /admin/feedback} lists it. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("idempotencyKey", idempotencyKey);
        m.put("caseNumber", caseNumber);
        m.put("sequence", sequence);
        m.put("status", status);
        m.put("occurredAt", occurredAt.toString());
        m.put("detail", detail);
        m.put("receivedAt", receivedAt.toString());
        m.put("order", order);
        m.put("outOfOrder", outOfOrder());
        m.put("highestBefore", highestBefore);
        return m;
    }

    /**
     * A case feedback body as the platform accepts it.
     *
     * @param caseNumber required, at most 64 characters
     * @param sequence   required, a whole number from 1
     * @param status     required, at most 64 characters
     * @param occurredAt required, an ISO-8601 instant
     * @param detail     optional, at most 2,000 characters
     */
    public record Submission(String caseNumber, long sequence, String status, Instant occurredAt, String detail) {

        /**
         * Reads and checks a request body.
         *
         * @throws IllegalArgumentException saying which field is missing or wrong
         */
        static Submission parse(JsonObject o) {
            String caseNumber = text(o, "caseNumber", 64, true);
            String status = text(o, "status", 64, true);
            String detail = text(o, "detail", 2000, false);
            JsonValue seq = o.get("sequence");
            if (seq == null || seq == JsonValue.NULL) {
                throw new IllegalArgumentException("sequence is required: the case's running number, from 1");
            }
            if (!(seq instanceof JsonNumber n)
                    || !n.isIntegral()
                    || n.bigIntegerValue().signum() <= 0
                    || n.bigIntegerValue().bitLength() > 62) {
                throw new IllegalArgumentException("sequence must be a whole number from 1: " + seq);
            }
            String at = text(o, "occurredAt", 64, true);
            Instant occurredAt;
            try {
                occurredAt = Instant.parse(at);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "occurredAt must be an ISO-8601 instant such as 2027-07-01T08:00:00Z: " + at);
            }
            return new Submission(caseNumber, n.longValue(), status, occurredAt, detail);
        }

        private static String text(JsonObject o, String key, int max, boolean required) {
            JsonValue v = o.get(key);
            if (v == null || v == JsonValue.NULL) {
                if (required) {
                    throw new IllegalArgumentException(key + " is required");
                }
                return null;
            }
            if (!(v instanceof JsonString s)) {
                throw new IllegalArgumentException(key + " must be a string: " + v);
            }
            String t = s.getString();
            if (required && t.isBlank()) {
                throw new IllegalArgumentException(key + " must not be blank");
            }
            if (t.length() > max) {
                throw new IllegalArgumentException(key + " is longer than " + max + " characters");
            }
            return t;
        }
    }
}
