package org.oneenroll.policy.control;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public texts of the policy context (service guide, material list, FAQ, contacts) from the
 * {@code org.oneenroll.policy.guide} bundles, Chinese first, with named placeholders such as {@code {bureau}}
 * filled with the county's values, and the county's own wording (stored with its plan) in place of the bundle's
 * where it has one. Named rather than numbered, so whoever edits a text sees what goes where.
 */
public final class GuideText {

    static final String BUNDLE = "org.oneenroll.policy.guide";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final ResourceBundle.Control NO_JVM_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;
    private final Map<String, String> values;
    private final Map<String, String> overrides;

    GuideText(ResourceBundle bundle, Map<String, String> values, Map<String, String> overrides) {
        this.bundle = bundle;
        this.values = Map.copyOf(values);
        this.overrides = Map.copyOf(overrides);
    }

    /** The bundle for the locale (Chinese when none or an unknown one is asked), filled with {@code values}. */
    public static GuideText of(Locale locale, Map<String, String> values) {
        return new GuideText(bundle(locale), values, Map.of());
    }

    /**
     * As {@link #of(Locale, Map)}, with the county's own texts by bundle key in place of the bundle's. They are the
     * county's published word, so they stand in every language: an English reader sees the county's Chinese rather
     * than a default that may say otherwise.
     */
    public static GuideText of(Locale locale, Map<String, String> values, Map<String, String> overrides) {
        return new GuideText(bundle(locale), values, overrides);
    }

    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(
                BUNDLE,
                locale == null ? Locale.SIMPLIFIED_CHINESE : locale,
                GuideText.class.getClassLoader(),
                NO_JVM_FALLBACK);
    }

    /** The text under {@code key} with its placeholders filled; a key the bundle lacks is a broken deployment. */
    public String text(String key) {
        // The county's texts are written out as the officer saw them, not filled: a brace they type stays a brace.
        String own = overrides.get(key);
        return own != null ? own : fill(raw(key));
    }

    /** The value a placeholder stands for, such as the bureau's address. */
    public String value(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("no value for {" + name + "}; known: " + values.keySet());
        }
        return value;
    }

    /** The text if the bundle has the key, else empty: for optional notes. */
    public String optional(String key) {
        return overrides.containsKey(key) || bundle.containsKey(key) ? text(key) : "";
    }

    /** A text of several paragraphs, one per line ({@code \n} in the bundle). */
    public List<String> paragraphs(String key) {
        return Arrays.stream(text(key).split("\n"))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    /** A comma-separated list of ids, such as the order of the guide's sections. */
    public List<String> ids(String key) {
        return Arrays.stream(raw(key).split(","))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    /** The text without its placeholders filled: a setting's default may itself name placeholders. */
    public String raw(String key) {
        String own = overrides.get(key);
        if (own != null) {
            return own;
        }
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("the guide text " + key + " is missing from " + BUNDLE, e);
        }
    }

    /** Replaces each {@code {name}}; a name without a value would show braces to parents, so it is refused. */
    public String fill(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("the guide text \"" + text + "\" names {" + m.group(1)
                        + "}, which has no value; known: " + values.keySet());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The placeholder names a text uses. */
    static List<String> placeholders(String text) {
        return PLACEHOLDER.matcher(text).results().map(r -> r.group(1)).toList();
    }
}
