package org.oneenroll.policy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class GuideTextTest {

    final GuideText cut = GuideText.of(Locale.SIMPLIFIED_CHINESE, Map.of("bureau", "榆中县教育局", "year", "2027"));

    @Test
    void namedPlaceholdersAreFilledAndParagraphsSplit() {
        assertEquals("受理机构：榆中县教育局。", cut.fill("受理机构：{bureau}。"));
        assertEquals(
                List.of("a 2027", "b"),
                cut.fill("a {year}\n b").lines().map(String::strip).toList());
        assertEquals(List.of("不收费。"), cut.paragraphs("guide.fee.text"));
    }

    @Test
    void aPlaceholderWithoutAValueIsRefusedRatherThanShownInBraces() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> cut.fill("电话：{hotline}"));
        assertTrue(e.getMessage().contains("{hotline}"), e.getMessage());
    }

    @Test
    void aMissingTextIsABrokenDeploymentAndAnOptionalOneIsEmpty() {
        assertThrows(IllegalStateException.class, () -> cut.text("guide.nothing.heading"));
        assertEquals("", cut.optional("material.PREFERENTIAL.checked-by"));
    }

    @Test
    void chineseIsTheBaseAndUnknownLocalesGetIt() {
        assertEquals("九、收费", GuideText.of(Locale.FRENCH, Map.of()).text("guide.fee.heading"));
        assertEquals("9. Fees", GuideText.of(Locale.ENGLISH, Map.of()).text("guide.fee.heading"));
    }

    @Test
    void theEnglishBundleHasEveryChineseTextAndNoOther() throws IOException {
        Properties zh = load("guide.properties");
        Properties en = load("guide_en.properties");
        assertEquals(new TreeSet<>(zh.stringPropertyNames()), new TreeSet<>(en.stringPropertyNames()));
        for (String key : zh.stringPropertyNames()) {
            assertEquals(
                    new TreeSet<>(GuideText.placeholders(zh.getProperty(key))),
                    new TreeSet<>(GuideText.placeholders(en.getProperty(key))),
                    "the same placeholders in both languages: " + key);
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = GuideText.class.getResourceAsStream("/org/oneenroll/policy/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
