package org.oneenroll.web.policy;

import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import org.oneenroll.platform.control.Clocks;

/** Dates and moments as the public pages write them: Beijing time, in the patterns the ui bundle gives per language. */
public final class Dates {

    private final DateTimeFormatter moment;
    private final DateTimeFormatter day;
    private final MessageFormat range;

    Dates(ResourceBundle ui) {
        Locale locale = ui.getLocale();
        this.moment = DateTimeFormatter.ofPattern(ui.getString("format.moment"), locale)
                .withZone(Clocks.SHANGHAI);
        this.day = DateTimeFormatter.ofPattern(ui.getString("format.day"), locale);
        this.range = new MessageFormat(ui.getString("format.range"), locale);
    }

    /** The formats of the language the current view is rendered in. */
    static Dates of(FacesContext context) {
        return new Dates(context.getApplication().getResourceBundle(context, "ui"));
    }

    public String moment(Instant instant) {
        return instant == null ? "" : moment.format(instant);
    }

    public String day(LocalDate date) {
        return date == null ? "" : day.format(date);
    }

    /** "2027年7月1日 至 2027年7月31日". */
    public String dayRange(LocalDate from, LocalDate to) {
        return range.format(new Object[] {day(from), day(to)});
    }

    /** "2027年7月1日 08:30 至 2027年7月31日 17:00". */
    public String range(Instant from, Instant to) {
        return range.format(new Object[] {moment(from), moment(to)});
    }
}
