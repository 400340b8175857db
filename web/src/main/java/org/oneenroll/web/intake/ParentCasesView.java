package org.oneenroll.web.intake;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import org.oneenroll.intake.boundary.FamilyCases;
import org.oneenroll.intake.entity.FamilyCaseRow;

/** 我的办件: the signed-in parent's cases, newest first, each with a link to its status page. */
@Named
@RequestScoped
public class ParentCasesView {

    @Inject
    FamilyCases familyCases;

    private List<FamilyCaseRow> rows = List.of();

    public void load() {
        rows = familyCases.mine();
    }

    public List<FamilyCaseRow> getRows() {
        return rows;
    }

    public String time(Instant at) {
        return ParentScreens.time(at);
    }
}
