package org.oneenroll.web.policy;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.platform.control.Settings;
import org.oneenroll.policy.boundary.Guides;
import org.oneenroll.policy.boundary.Question;

/** The public FAQ page; request-scoped and transient, no session. */
@Named
@RequestScoped
public class FaqView {

    @Inject
    Guides guides;

    @Inject
    Settings settings;

    private List<Question> questions = List.of();

    @PostConstruct
    void init() {
        questions = guides.faq(
                RegionCode.of(settings.homeRegion()),
                FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    public List<Question> getQuestions() {
        return questions;
    }
}
