package org.oneenroll.web.policy;

import java.util.Locale;
import java.util.ResourceBundle;

/** The screens' ui bundle as Faces resolves it for a language, without the JVM's own locale as a fallback. */
final class Bundles {

    private Bundles() {}

    static ResourceBundle ui(Locale locale) {
        return ResourceBundle.getBundle(
                "org.oneenroll.web.ui",
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
