package org.oneenroll.simulator.govdata;

import java.time.LocalDate;
import java.util.function.BiFunction;

/**
 * One field of a source's answer: its stable English wire name, the Chinese name of seed 001 附件3 (or 000 附件6)
 * and how to read it from a record; {@code asOf} is the platform's "today" for derived fields such as validity.
 *
 * @param <R>     the record type
 * @param name    JSON property name, never changed once published
 * @param chinese 附件3 field name
 * @param reader  value for a record as of a date
 */
public record SourceField<R>(String name, String chinese, BiFunction<R, LocalDate, Object> reader) {

    /** The JSON value: enums with a Chinese label print it, as certificates do. */
    Object read(R record, LocalDate asOf) {
        Object value = reader.apply(record, asOf);
        return value instanceof org.oneenroll.simulator.population.Sex sex ? sex.label() : value;
    }
}
