package org.oneenroll.web.policy;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.EnumMap;
import java.util.Map;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.platform.control.Settings;
import org.oneenroll.policy.boundary.Plans;
import org.oneenroll.policy.entity.Stage;

/**
 * The application windows of the county's published plans, for application pages: {@code
 * #{applicationWindows.of('PRIMARY')}} is the {@link WindowNotice} the off-season include takes, and its {@code open}
 * says whether to show the form. One look-up per stage and request.
 */
@Named
@RequestScoped
public class ApplicationWindows {

    @Inject
    Plans plans;

    @Inject
    Settings settings;

    private final Map<Stage, WindowNotice> notices = new EnumMap<>(Stage.class);

    /** The window of {@code stage} ({@code PRIMARY} or {@code JUNIOR}). */
    public WindowNotice of(String stage) {
        return notices.computeIfAbsent(
                Stage.valueOf(stage),
                s -> WindowNotice.of(
                        s,
                        plans.window(RegionCode.of(settings.homeRegion()), s),
                        Dates.of(FacesContext.getCurrentInstance())));
    }
}
