package org.oneenroll.web.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.oneenroll.policy.boundary.ApplicationWindow;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.policy.entity.WindowState;

/** The off-season notice's sentence as the include renders it from the ui bundle, in Beijing time. */
class WindowNoticeTest {

    static final ResourceBundle ZH = Bundles.ui(Locale.SIMPLIFIED_CHINESE);
    final Dates dates = new Dates(ZH);

    @Test
    void beforeTheWindowItSaysWhenApplicationsOpenAndClose() {
        WindowNotice cut = WindowNotice.of(window(WindowState.NOT_YET_OPEN), dates);

        assertFalse(cut.isOpen());
        assertEquals("2027年7月1日 08:30", cut.getOpens(), "08:30 in Beijing is 00:30 UTC");
        assertEquals("2027年小学一年级报名将于2027年7月1日 08:30开始，2027年7月31日 17:00截止。", sentence(cut));
        assertEquals("2027年8月10日", cut.getResultsOn());
    }

    @Test
    void afterTheWindowItSaysWhenApplicationsClosed() {
        WindowNotice cut = WindowNotice.of(window(WindowState.CLOSED), dates);
        assertEquals("2027年小学一年级报名已于2027年7月31日 17:00结束。", sentence(cut));
    }

    @Test
    void whileOpenItSaysUntilWhen() {
        WindowNotice cut = WindowNotice.of(window(WindowState.OPEN), dates);
        assertTrue(cut.isOpen());
        assertEquals("2027年小学一年级报名进行中，2027年7月31日 17:00截止。", sentence(cut));
    }

    @Test
    void withoutAPublishedPlanItSaysSo() {
        WindowNotice cut = WindowNotice.of(Stage.JUNIOR, Optional.empty(), dates);
        assertFalse(cut.isOpen());
        assertEquals("初中一年级招生计划尚未公布，公布后可在此查看报名时间。", sentence(cut));
    }

    @Test
    void theRangeOnTheHomePageIsWrittenInTheLanguageOfTheBundle() {
        assertEquals(
                "2027年7月1日 08:30 至 2027年7月31日 17:00",
                dates.range(Instant.parse("2027-07-01T00:30:00Z"), Instant.parse("2027-07-31T09:00:00Z")));
        assertEquals(
                "1 Jul 2027 08:30 to 31 Jul 2027 17:00",
                new Dates(Bundles.ui(Locale.ENGLISH))
                        .range(Instant.parse("2027-07-01T00:30:00Z"), Instant.parse("2027-07-31T09:00:00Z")));
    }

    /** What {@code off-season.xhtml} writes: the state's sentence with year, stage, opens and closes. */
    private static String sentence(WindowNotice notice) {
        return new MessageFormat(ZH.getString(notice.getMessageKey()), Locale.SIMPLIFIED_CHINESE).format(new Object[] {
            notice.getYear(), ZH.getString("stage." + notice.getStage()), notice.getOpens(), notice.getCloses()
        });
    }

    private static ApplicationWindow window(WindowState state) {
        return new ApplicationWindow(
                "620123",
                2027,
                Stage.PRIMARY,
                Instant.parse("2027-07-01T00:30:00Z"),
                Instant.parse("2027-07-31T09:00:00Z"),
                LocalDate.of(2027, 8, 10),
                state);
    }
}
