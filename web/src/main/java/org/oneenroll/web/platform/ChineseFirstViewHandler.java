package org.oneenroll.web.platform;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import java.util.Locale;

/**
 * Chinese unless the browser asks otherwise: a request without Accept-Language would otherwise get the
 * server JVM's locale (English on most servers) instead of the application's default, zh_CN.
 */
public class ChineseFirstViewHandler extends ViewHandlerWrapper {

    public ChineseFirstViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Locale calculateLocale(FacesContext context) {
        String accepted = context.getExternalContext().getRequestHeaderMap().get("Accept-Language");
        if (accepted == null || accepted.isBlank()) {
            Locale fallback = context.getApplication().getDefaultLocale();
            return fallback == null ? Locale.SIMPLIFIED_CHINESE : fallback;
        }
        return super.calculateLocale(context);
    }
}
