package org.oneenroll.web.policy;

import java.util.Optional;
import org.oneenroll.policy.boundary.ApplicationWindow;
import org.oneenroll.policy.entity.Stage;

/**
 * One stage's application window, formatted for {@code /WEB-INF/includes/off-season.xhtml}: whether applications
 * are taken now and, if not, when they open or closed (or that no plan is published yet).
 */
public final class WindowNotice {

    /** The window's state; {@code NO_PLAN} while the county has published no plan for the stage. */
    public enum State {
        NO_PLAN,
        NOT_YET_OPEN,
        OPEN,
        CLOSED
    }

    private final Stage stage;
    private final State state;
    private final String year;
    private final String opens;
    private final String closes;
    private final String resultsOn;

    private WindowNotice(Stage stage, State state, String year, String opens, String closes, String resultsOn) {
        this.stage = stage;
        this.state = state;
        this.year = year;
        this.opens = opens;
        this.closes = closes;
        this.resultsOn = resultsOn;
    }

    static WindowNotice of(ApplicationWindow window, Dates dates) {
        return new WindowNotice(
                window.stage(),
                State.valueOf(window.state().name()),
                String.valueOf(window.year()),
                dates.moment(window.opens()),
                dates.moment(window.closes()),
                dates.day(window.resultsOn()));
    }

    static WindowNotice of(Stage stage, Optional<ApplicationWindow> window, Dates dates) {
        return window.map(w -> of(w, dates)).orElseGet(() -> new WindowNotice(stage, State.NO_PLAN, "", "", "", ""));
    }

    /** {@code PRIMARY} or {@code JUNIOR}: the ui bundle's {@code stage.*} key names it. */
    public String getStage() {
        return stage.name();
    }

    public State getState() {
        return state;
    }

    /** The ui bundle key of the sentence that says when applications open or closed. */
    public String getMessageKey() {
        return "offseason." + state.name();
    }

    public boolean isOpen() {
        return state == State.OPEN;
    }

    public String getYear() {
        return year;
    }

    public String getOpens() {
        return opens;
    }

    public String getCloses() {
        return closes;
    }

    /** Empty while the plan names no results date. */
    public String getResultsOn() {
        return resultsOn;
    }
}
