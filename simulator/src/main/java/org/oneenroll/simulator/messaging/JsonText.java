package org.oneenroll.simulator.messaging;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.oneenroll.simulator.population.JsonLineWriter;

/**
 * JSON in and out for the HTTP side and the event log: bodies parsed with JSON-P, answers written by the
 * population's {@link JsonLineWriter}, one reused per thread since a benchmark sends a hundred thousand messages.
 */
final class JsonText {

    /** Created once: looking the JSON provider up per request costs more than parsing the request. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private static final ThreadLocal<JsonLineWriter> WRITER = ThreadLocal.withInitial(JsonLineWriter::new);
    /** A writer that grew past this for one big answer is dropped rather than kept per thread. */
    private static final int KEEP_BELOW = 1 << 20;

    private JsonText() {}

    static byte[] bytes(Object value) {
        JsonLineWriter w = WRITER.get();
        w.reset();
        byte[] out = w.value(value).toByteArray();
        if (w.size() > KEEP_BELOW) {
            WRITER.remove();
        }
        return out;
    }

    static String string(Object value) {
        return new String(bytes(value), StandardCharsets.UTF_8);
    }

    /**
     * The body as a JSON object.
     *
     * @throws IllegalArgumentException when it is not one
     */
    static JsonObject object(byte[] body) {
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("body is not a JSON object", e);
        }
    }
}
