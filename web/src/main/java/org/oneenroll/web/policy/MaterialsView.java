package org.oneenroll.web.policy;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.platform.control.Settings;
import org.oneenroll.policy.boundary.Guides;
import org.oneenroll.policy.boundary.MaterialList;

/** The public material list page (by school type and family category); request-scoped and transient, no session. */
@Named
@RequestScoped
public class MaterialsView {

    @Inject
    Guides guides;

    @Inject
    Settings settings;

    private MaterialList materials;

    @PostConstruct
    void init() {
        materials = guides.materials(
                RegionCode.of(settings.homeRegion()),
                FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    public MaterialList getMaterials() {
        return materials;
    }
}
