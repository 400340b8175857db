package org.oneenroll.policy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every refusal and note the county set-up gives has its text in Chinese and in English: a missing key would reach the
 * officer as the bare key.
 */
class SetupMessagesTest {

    static final Pattern KEY = Pattern.compile("\"((?:setup|school|zone)\\.[a-z0-9.-]*[a-z0-9-])\"");

    @Test
    void everySetUpMessageKeyIsInBothLanguages() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String dir : List.of("policy/control", "policy/boundary", "policy/entity")) {
            try (Stream<Path> files = Files.list(Path.of("src/main/java/org/oneenroll", dir))) {
                for (Path file : files.toList()) {
                    Matcher m = KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
                    while (m.find()) {
                        keys.add(m.group(1));
                    }
                }
            }
        }
        keys.removeIf(k -> k.startsWith("setup.notes.")); // prefixes of numbered lines
        keys.addAll(List.of("setup.notes.schools.1", "setup.notes.zones.1"));
        assertTrue(keys.size() > 40, keys.size() + " keys found");

        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            ResourceBundle messages = ResourceBundle.getBundle(
                    "org.oneenroll.platform.messages",
                    locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            assertEquals(
                    List.of(),
                    keys.stream().filter(k -> !messages.containsKey(k)).toList(),
                    "missing in " + locale);
        }
    }

    @Test
    void theNotesSheetsHaveTheirLines() {
        assertEquals(10, SetupSheets.notes("setup.notes.schools.", "榆中县", 56).size());
        assertEquals(9, SetupSheets.notes("setup.notes.zones.", "榆中县").size());
        assertTrue(SetupSheets.notes("setup.notes.schools.", "榆中县", 56).get(6).contains("56人"));
    }
}
