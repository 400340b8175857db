package org.oneenroll.web.policy;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.platform.control.Settings;
import org.oneenroll.policy.boundary.Guides;
import org.oneenroll.policy.boundary.ServiceGuide;

/** The public service guide (办事指南) page; request-scoped and transient, no session. */
@Named
@RequestScoped
public class GuideView {

    @Inject
    Guides guides;

    @Inject
    Settings settings;

    private ServiceGuide guide;

    @PostConstruct
    void init() {
        guide = guides.guide(
                RegionCode.of(settings.homeRegion()),
                FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    public ServiceGuide getGuide() {
        return guide;
    }
}
