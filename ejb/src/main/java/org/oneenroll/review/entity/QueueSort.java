package org.oneenroll.review.entity;

/**
 * The orders the queue can be read in; each has an index behind it or is applied to a small, filtered set.
 * Ties are broken by the case's id, so pages never overlap.
 */
public record QueueSort(Field field, boolean ascending) implements java.io.Serializable {

    /** What the queue can be sorted by. */
    public enum Field {
        SUBMITTED("submitted_at"),
        STATUS_CHANGED("status_changed_at"),
        CASE_NUMBER("case_number");

        private final String column;

        Field(String column) {
            this.column = column;
        }

        public String column() {
            return column;
        }
    }

    public QueueSort {
        if (field == null) {
            field = Field.SUBMITTED;
        }
    }

    /** Oldest submission first: first come, first reviewed. */
    public static QueueSort oldestFirst() {
        return new QueueSort(Field.SUBMITTED, true);
    }
}
