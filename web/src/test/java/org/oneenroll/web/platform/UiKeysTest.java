package org.oneenroll.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code #{ui['key']}} a page names is in the Chinese and the English bundle: a missing key shows as
 * "???key???" on a screen, which no compiler catches.
 */
class UiKeysTest {

    static final Pattern KEY = Pattern.compile("ui\\['([A-Za-z0-9_.\\-]+)'\\]");

    @Test
    void everyKeyThePagesNameIsInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> pages = Files.walk(Path.of("src/main/webapp"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                Matcher m = KEY.matcher(Files.readString(page, StandardCharsets.UTF_8));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        for (Locale language : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
            ResourceBundle ui = ResourceBundle.getBundle(
                    "org.oneenroll.web.ui",
                    language,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            Set<String> missing = new TreeSet<>(used);
            missing.removeIf(ui::containsKey);
            assertEquals(Set.of(), missing, "missing in " + language);
        }
    }
}
