package org.oneenroll.platform.control;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Resolves the domain's user-facing messages from the {@code org.oneenroll.platform.messages} bundles:
 * Chinese is the base bundle, English the second; the JVM's own locale never decides the language.
 */
public final class Messages {

    public static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;
    static final String BUNDLE = "org.oneenroll.platform.messages";
    private static final ResourceBundle.Control NO_JVM_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {}

    public static String format(Locale locale, String key, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(
                BUNDLE, locale == null ? DEFAULT_LOCALE : locale, Messages.class.getClassLoader(), NO_JVM_FALLBACK);
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return new MessageFormat(pattern, bundle.getLocale()).format(arguments);
    }
}
