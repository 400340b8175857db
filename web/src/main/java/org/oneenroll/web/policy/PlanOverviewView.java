package org.oneenroll.web.policy;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.boundary.PlanOverviewRow;
import org.oneenroll.policy.boundary.PlanRevisions;

/**
 * 各县招生计划: city and province supervisors see every county of their region with each stage's plan for a year (what
 * is published, since when, its window and seats, and whether a correction is being drafted), and open any of them
 * read-only. Reads {@link PlanRevisions#overview}, bounded by the supervisor's account.
 */
@Named
@ViewScoped
public class PlanOverviewView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient PlanRevisions revisions;

    private Integer year;
    private List<Integer> years = List.of();
    private List<PlanOverviewRow> rows = List.of();

    /** The page's view action, and the year menu's change. */
    public void load() {
        try {
            years = revisions.years();
            if (year == null) {
                year = years.get(0);
            }
            rows = revisions.overview(year);
        } catch (InvalidValueException e) {
            rows = List.of();
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_ERROR,
                            e.message(faces.getViewRoot().getLocale()),
                            null));
        }
    }

    public String time(Instant at) {
        return at == null ? "" : PlanEditorView.TIME.format(at);
    }

    /** How many counties have published the stage's plan, for the summary line. */
    public long published(String stage) {
        return rows.stream()
                .filter(r -> r.stage().name().equals(stage) && r.publishedRevision() != null)
                .count();
    }

    public long counties() {
        return rows.stream().map(PlanOverviewRow::countyCode).distinct().count();
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public List<Integer> getYears() {
        return years;
    }

    public List<PlanOverviewRow> getRows() {
        return rows;
    }
}
