package org.oneenroll.verification.entity;

/**
 * A field whose typed value differs from the record: the wire field name (docs/simulator.md), what the family
 * typed and what the source holds.
 */
public record FieldMismatch(String field, String typed, String recorded) {

    /** The field's name for screens: message key {@code verification.field.<field>}. */
    public MessageRef label() {
        return MessageRef.of("verification.field." + field);
    }
}
