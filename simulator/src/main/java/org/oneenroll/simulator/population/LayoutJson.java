package org.oneenroll.simulator.population;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

/** Reads and writes a {@link CountyLayout} with JSON-B, in the shape OneEnroll's demo loader reads. */
public final class LayoutJson {

    /** Null values are written so every documented key is present; Jsonb instances are thread-safe. */
    private static final Jsonb WRITER =
            JsonbBuilder.create(new JsonbConfig().withNullValues(true).withFormatting(true));

    private static final Jsonb READER = JsonbBuilder.create();

    private LayoutJson() {}

    /** Pretty-printed JSON with a trailing newline. */
    public static String toJson(CountyLayout layout) {
        return WRITER.toJson(layout) + "\n";
    }

    public static CountyLayout fromJson(String json) {
        return READER.fromJson(json, CountyLayout.class);
    }
}
