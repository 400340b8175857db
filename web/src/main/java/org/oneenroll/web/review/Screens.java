package org.oneenroll.web.review;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ResourceBundle;
import org.oneenroll.platform.control.Clocks;
import org.oneenroll.platform.entity.InvalidValueException;

/** What the review screens share: times as people read them, the ui bundle, refusals shown in Chinese. */
final class Screens {

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Clocks.SHANGHAI);

    private Screens() {}

    static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    static String text(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle ui = faces.getApplication().getResourceBundle(faces, "ui");
        return ui.getString(key);
    }

    /** Shows a refusal at the component for its field (if given), else at the top of the page. */
    static void refuse(String clientId, InvalidValueException e) {
        FacesContext.getCurrentInstance()
                .addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }

    static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }
}
