package org.oneenroll.admission.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.oneenroll.admission.entity.AdmissionInput;
import org.oneenroll.admission.entity.AdmissionPlan;
import org.oneenroll.admission.entity.Allocation;
import org.oneenroll.admission.entity.LotteryDraw;
import org.oneenroll.admission.entity.Route;
import org.oneenroll.admission.entity.SchoolResult;
import org.oneenroll.admission.entity.WhatIfReport;
import org.oneenroll.admission.entity.WhatIfReport.ChildChange;
import org.oneenroll.admission.entity.WhatIfReport.SchoolChange;

/**
 * Runs the engine again under a changed plan or changed home zones, with the same lottery numbers, and reports
 * what would change. Nothing here publishes anything.
 */
public final class WhatIf {

    private final AdmissionEngine engine = new AdmissionEngine();
    private final Lottery lottery = new Lottery();

    /** The run the variant plan would give, with the base run's lottery numbers. */
    public Allocation rerun(Allocation base, AdmissionPlan variant) {
        return rerun(base, base.input().withPlan(variant));
    }

    public Allocation rerun(Allocation base, AdmissionInput variant) {
        LotteryDraw draw = base.draw().drawnFor(variant)
                ? base.draw()
                : lottery.draw(variant, base.draw().seed());
        return engine.allocate(variant, draw);
    }

    public WhatIfReport withPlan(Allocation base, AdmissionPlan variant) {
        return compare(base, rerun(base, variant));
    }

    public WhatIfReport withHomeZones(Allocation base, Map<String, String> zoneByChildRef) {
        return compare(base, rerun(base, base.input().withHomeZones(zoneByChildRef)));
    }

    public WhatIfReport compare(Allocation before, Allocation after) {
        TreeSet<String> codes = new TreeSet<>();
        before.input().plan().schools().forEach(s -> codes.add(s.code()));
        after.input().plan().schools().forEach(s -> codes.add(s.code()));
        List<SchoolChange> schools = new ArrayList<>();
        for (String code : codes) {
            SchoolResult b = result(before, code);
            SchoolResult a = result(after, code);
            SchoolChange change = new SchoolChange(
                    code,
                    b == null ? 0 : b.seats(),
                    a == null ? 0 : a.seats(),
                    b == null ? 0 : b.admitted(),
                    a == null ? 0 : a.admitted(),
                    b == null ? 0 : b.reallocated(),
                    a == null ? 0 : a.reallocated(),
                    b == null ? null : b.cutoff(),
                    a == null ? null : a.cutoff());
            if (change.seatsBefore() != change.seatsAfter()
                    || change.admittedBefore() != change.admittedAfter()
                    || change.reallocatedBefore() != change.reallocatedAfter()
                    || !Objects.equals(change.cutoffBefore(), change.cutoffAfter())) {
                schools.add(change);
            }
        }
        List<ChildChange> children = new ArrayList<>();
        AdmissionInput bi = before.input();
        AdmissionInput ai = after.input();
        int i = 0;
        int j = 0;
        while (i < bi.childCount() || j < ai.childCount()) {
            int order = i == bi.childCount()
                    ? 1
                    : j == ai.childCount() ? -1 : bi.childRef(i).compareTo(ai.childRef(j));
            if (order < 0) {
                children.add(new ChildChange(bi.childRef(i), before.route(i), before.schoolCode(i), null, null));
                i++;
            } else if (order > 0) {
                children.add(new ChildChange(ai.childRef(j), null, null, after.route(j), after.schoolCode(j)));
                j++;
            } else {
                Route rb = before.route(i);
                Route ra = after.route(j);
                if (rb != ra || !Objects.equals(before.schoolCode(i), after.schoolCode(j))) {
                    children.add(new ChildChange(bi.childRef(i), rb, before.schoolCode(i), ra, after.schoolCode(j)));
                }
                i++;
                j++;
            }
        }
        return new WhatIfReport(schools, children);
    }

    private static SchoolResult result(Allocation allocation, String code) {
        int s = allocation.input().plan().findSchool(code);
        return s < 0 ? null : allocation.schoolResult(s);
    }
}
