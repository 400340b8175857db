package org.oneenroll.web.intake;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.oneenroll.platform.control.Clocks;

/** What the parents' screens share: times as people in China read them, refusals shown in Chinese. */
final class ParentScreens {

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(Clocks.SHANGHAI);

    private ParentScreens() {}

    static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    static void refuse(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }
}
