package org.oneenroll.web.policy;

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
import org.junit.jupiter.api.Test;

/**
 * Every text the set-up screens and their beans ask the ui bundle for is there in Chinese and in English: a missing key
 * would only show on a server as a Faces error or as the key itself.
 */
class SetupBundlesTest {

    static final List<Path> PAGES = List.of(
            Path.of("src/main/webapp/staff/schools.xhtml"),
            Path.of("src/main/webapp/staff/zones.xhtml"),
            Path.of("src/main/webapp/staff/index.xhtml"));
    static final List<Path> BEANS = List.of(
            Path.of("src/main/java/org/oneenroll/web/policy/SchoolsView.java"),
            Path.of("src/main/java/org/oneenroll/web/policy/ZonesView.java"),
            Path.of("src/main/java/org/oneenroll/web/policy/SetupScreens.java"));

    @Test
    void everyKeyTheSetUpScreensUseIsInBothLanguages() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (Path page : PAGES) {
            keys.addAll(found(Pattern.compile("ui\\['([a-z][a-z0-9.-]*)'\\]"), page));
        }
        for (Path bean : BEANS) {
            keys.addAll(found(Pattern.compile("text\\(\\s*\"([a-z][a-z0-9.-]*)\""), bean));
        }
        // keys built from a stage's name
        keys.add("setup.stage.PRIMARY");
        keys.add("setup.stage.JUNIOR");
        assertTrue(keys.size() > 80, keys.size() + " keys found: the patterns still match the sources");

        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            ResourceBundle ui = Bundles.ui(locale);
            List<String> missing = keys.stream().filter(k -> !ui.containsKey(k)).toList();
            assertEquals(List.of(), missing, "missing in " + locale);
        }
    }

    private static Set<String> found(Pattern pattern, Path file) throws IOException {
        Set<String> keys = new TreeSet<>();
        Matcher m = pattern.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (m.find()) {
            if (!m.group(1).endsWith(".")) {
                keys.add(m.group(1));
            }
        }
        return keys;
    }
}
