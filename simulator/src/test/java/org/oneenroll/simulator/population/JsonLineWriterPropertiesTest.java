package org.oneenroll.simulator.population;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Any string survives the encoder and a standard JSON parser unchanged. */
class JsonLineWriterPropertiesTest {

    private final JsonLineWriter cut = new JsonLineWriter();

    record Sample(String text, List<String> tags) {}

    @Property(tries = 500)
    void anyStringRoundTripsThroughAJsonParser(@ForAll String text) {
        cut.reset();
        cut.value(new Sample(text, List.of(text, "榆中")));
        JsonObject o;
        try (JsonReader reader =
                Json.createReader(new StringReader(new String(cut.toByteArray(), StandardCharsets.UTF_8)))) {
            o = reader.readObject();
        }
        assertEquals(text, o.getString("text"));
        assertEquals(text, o.getJsonArray("tags").getString(0));
    }
}
