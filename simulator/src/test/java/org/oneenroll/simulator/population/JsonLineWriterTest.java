package org.oneenroll.simulator.population;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The NDJSON encoder: JSON-B-compatible names and dates, escapes, and 4-byte UTF-8 for rare characters. */
class JsonLineWriterTest {

    private final JsonLineWriter cut = new JsonLineWriter();

    record Sample(
            String text,
            Integer count,
            LocalDate day,
            YearMonth month,
            Sex sex,
            List<String> tags,
            Map<Stage, Integer> seats,
            String missing) {}

    private JsonObject parse(byte[] bytes) {
        try (JsonReader reader = Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    @Test
    void writesRecordsWithComponentNamesInOrderAndIsoDates() {
        Map<Stage, Integer> seats = new EnumMap<>(Stage.class);
        seats.put(Stage.PRIMARY, 270);
        cut.value(new Sample(
                "榆中", 3, LocalDate.of(2019, 9, 1), YearMonth.of(2024, 5), Sex.FEMALE, List.of("a", "b"), seats, null));
        assertEquals(
                "{\"text\":\"榆中\",\"count\":3,\"day\":\"2019-09-01\",\"month\":\"2024-05\",\"sex\":\"FEMALE\","
                        + "\"tags\":[\"a\",\"b\"],\"seats\":{\"PRIMARY\":270},\"missing\":null}",
                new String(cut.toByteArray(), StandardCharsets.UTF_8));
    }

    @Test
    void escapesQuotesBackslashesAndControlCharactersAndKeepsRareCharactersAsFourByteUtf8() {
        String name = "张\"𠇔\\\n\t䶮";
        cut.value(new Sample(name, null, null, null, null, List.of(), Map.of(), null));
        byte[] bytes = cut.toByteArray();
        assertEquals(name, parse(bytes).getString("text"));
        String raw = new String(bytes, StandardCharsets.UTF_8);
        assertEquals(true, raw.contains("𠇔"));
        byte[] rare = "𠇔".getBytes(StandardCharsets.UTF_8);
        assertEquals(4, rare.length);
        assertEquals(true, indexOf(bytes, rare) >= 0);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(haystack, i, i + needle.length), needle)) {
                return i;
            }
        }
        return -1;
    }
}
