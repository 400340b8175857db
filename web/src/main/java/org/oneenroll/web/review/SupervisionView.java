package org.oneenroll.web.review;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.oneenroll.intake.entity.CaseStatus;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.review.boundary.Supervision;
import org.oneenroll.review.entity.Dashboard;
import org.oneenroll.verification.entity.GovernmentSource;

/**
 * 督导看板: the figures of the supervisor's region, read-only, drilling down to a city or county inside it by
 * the {@code region} parameter (the boundary refuses a region outside the caller's own).
 */
@Named
@ViewScoped
public class SupervisionView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Supervision supervision;

    private String region;
    private Dashboard dashboard;

    public void load() {
        try {
            dashboard = supervision.dashboard(region);
        } catch (InvalidValueException e) {
            dashboard = null;
            Screens.refuse(null, e);
        }
    }

    public String statusLabel(String status) {
        return CaseStatus.valueOf(status).label();
    }

    public String sourceLabel(String source) {
        return GovernmentSource.valueOf(source).chineseName();
    }

    public Dashboard getDashboard() {
        return dashboard;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }
}
