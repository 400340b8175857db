package org.oneenroll.admission.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oneenroll.admission.entity.AdmissionPlan;
import org.oneenroll.admission.entity.Allocation;
import org.oneenroll.admission.entity.ChoiceOutcome;
import org.oneenroll.admission.entity.Explanation;
import org.oneenroll.admission.entity.Priority;
import org.oneenroll.admission.entity.Route;
import org.oneenroll.admission.entity.SchoolResult;
import org.oneenroll.admission.entity.SchoolRow;
import org.oneenroll.admission.entity.UnplacedReason;
import org.oneenroll.admission.entity.WhatIfReport;
import org.oneenroll.admission.entity.WhatIfRequest;
import org.oneenroll.admission.entity.WhatIfView;
import org.oneenroll.platform.control.Messages;

/**
 * Turns an allocation into what the console and the families read: the explanation of a child in one text, the
 * per-school table with cut-offs in words, the follow-up hint for an unplaced child, and a what-if comparison.
 */
public final class RoundReports {

    private final Locale locale;

    public RoundReports(Locale locale) {
        this.locale = locale;
    }

    /** A child's explanation in one text: the headline, then every school on the list and what became of it. */
    public String explanation(Allocation result, String childRef) {
        Explanation e = result.explain(childRef);
        StringBuilder text = new StringBuilder(e.message(locale));
        for (ChoiceOutcome o : e.applications()) {
            text.append(Messages.format(locale, "admission.explain.separator")).append(o.message(locale));
        }
        return text.toString();
    }

    /** The per-school table, in school-code order; names from {@code names} (the code where none is known). */
    public List<SchoolRow> schools(Allocation result, Map<String, String> names) {
        List<SchoolRow> rows = new ArrayList<>();
        for (SchoolResult s : result.schools()) {
            rows.add(new SchoolRow(
                    s.code(),
                    names.getOrDefault(s.code(), s.code()),
                    s.ownership() == org.oneenroll.policy.entity.SchoolOwnership.PRIVATE,
                    s.seats(),
                    s.admitted(),
                    s.reallocated(),
                    s.seatsLeft(),
                    cutoff(s.cutoff())));
        }
        return rows;
    }

    /** The cut-off in words, or the "did not fill" text. */
    public String cutoff(Priority cutoff) {
        return cutoff == null ? Messages.format(locale, "admission.cutoff.none") : cutoff.describe(locale);
    }

    /** What staff should do for a child left without a seat for this reason. */
    public String followUp(UnplacedReason reason) {
        return Messages.format(locale, "admission.follow-up." + reason.name());
    }

    public String reason(UnplacedReason reason) {
        return Messages.format(locale, reason.messageKey());
    }

    /**
     * Reruns a drawn round under a variant plan (seats of some schools, the category order) with the same
     * lottery numbers and describes the differences. Nothing is stored.
     *
     * @throws org.oneenroll.platform.entity.InvalidValueException for an unknown school, negative seats or a
     *                                                            category order with repeats
     */
    public WhatIfView whatIf(Allocation base, WhatIfRequest request, Map<String, String> names) {
        AdmissionPlan variant = base.input().plan();
        for (Map.Entry<String, Integer> change : request.seats().entrySet()) {
            variant = variant.withSeats(change.getKey(), change.getValue());
        }
        if (!request.categoryOrder().isEmpty()) {
            variant = variant.withCategoryOrder(request.categoryOrder());
        }
        WhatIfReport report = new WhatIf().withPlan(base, variant);
        List<WhatIfView.SchoolDiff> schools = new ArrayList<>();
        for (WhatIfReport.SchoolChange s : report.schools()) {
            schools.add(new WhatIfView.SchoolDiff(
                    s.schoolCode(),
                    names.getOrDefault(s.schoolCode(), s.schoolCode()),
                    s.seatsBefore(),
                    s.seatsAfter(),
                    s.admittedBefore(),
                    s.admittedAfter(),
                    s.reallocatedBefore(),
                    s.reallocatedAfter(),
                    cutoff(s.cutoffBefore()),
                    cutoff(s.cutoffAfter())));
        }
        List<WhatIfView.ChildDiff> children = new ArrayList<>();
        for (WhatIfReport.ChildChange c : report.children()) {
            children.add(new WhatIfView.ChildDiff(
                    c.childRef(),
                    result(c.routeBefore(), c.schoolBefore(), names),
                    result(c.routeAfter(), c.schoolAfter(), names)));
        }
        return new WhatIfView(schools, children, children.size());
    }

    /** A child's result in a few words: route and school. */
    public String result(Route route, String school, Map<String, String> names) {
        if (route == null) {
            return Messages.format(locale, "admission.result.none");
        }
        return Messages.format(
                locale, "admission.result." + route.name(), school == null ? "" : names.getOrDefault(school, school));
    }
}
