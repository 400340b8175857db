package org.oneenroll.feedback.control;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;
import org.oneenroll.platform.control.Settings;

/**
 * Counts working days for due dates: Monday to Friday, less the public holidays and plus the weekend days worked in
 * their place (调休) that the State Council publishes each year, which are settings ({@value #HOLIDAYS},
 * {@value #WORKDAYS}: ISO dates separated by commas) because they change every year.
 */
public final class WorkingDays {

    static final String HOLIDAYS = "oneenroll.feedback.holidays";
    static final String WORKDAYS = "oneenroll.feedback.workdays";

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workedWeekendDays;

    public WorkingDays(Set<LocalDate> holidays, Set<LocalDate> workedWeekendDays) {
        this.holidays = Set.copyOf(holidays);
        this.workedWeekendDays = Set.copyOf(workedWeekendDays);
    }

    /** The calendar of this installation's settings. */
    public static WorkingDays fromSettings() {
        return new WorkingDays(dates(HOLIDAYS), dates(WORKDAYS));
    }

    public boolean isWorkingDay(LocalDate day) {
        if (holidays.contains(day)) {
            return false;
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return !weekend || workedWeekendDays.contains(day);
    }

    /**
     * The day {@code days} working days after {@code from}: the day of receipt does not count, so an item received
     * on a Monday with 5 days is due the next Monday, one received on a Saturday the next Friday.
     */
    public LocalDate after(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        LocalDate d = from;
        int counted = 0;
        while (counted < days) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    private static Set<LocalDate> dates(String setting) {
        Set<LocalDate> out = new HashSet<>();
        for (String part : Settings.value(setting).orElse("").split(",")) {
            if (!part.isBlank()) {
                try {
                    out.add(LocalDate.parse(part.strip()));
                } catch (DateTimeParseException e) {
                    throw new IllegalStateException("setting " + setting + ": not a date (yyyy-MM-dd): " + part, e);
                }
            }
        }
        return out;
    }
}
