package org.oneenroll.web.policy;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.platform.control.Settings;
import org.oneenroll.policy.boundary.Contacts;
import org.oneenroll.policy.boundary.Guides;

/** The public consultation and complaint page: hotline, counter, hours, 12345; request-scoped and transient. */
@Named
@RequestScoped
public class ContactView {

    @Inject
    Guides guides;

    @Inject
    Settings settings;

    private Contacts contacts;

    @PostConstruct
    void init() {
        contacts = guides.contacts(
                RegionCode.of(settings.homeRegion()),
                FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    public Contacts getContacts() {
        return contacts;
    }
}
