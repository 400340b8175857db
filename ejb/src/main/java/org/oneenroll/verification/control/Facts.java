package org.oneenroll.verification.control;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.oneenroll.verification.entity.DeclaredPerson;
import org.oneenroll.verification.entity.GovernmentSource;
import org.oneenroll.verification.entity.MessageRef;

/**
 * What the answered records say about the household, read once and shared by the category rules, the
 * filled fields and the offline checks: the child's hukou, homes held, leases, permits, payments and businesses,
 * each already judged against the plan (placed in a zone, valid, long enough).
 */
final class Facts {

    /** How a home is held, which decides the category it can support. */
    enum Holding {
        /** Held (alone or jointly) by a parent: 房. */
        PARENT,
        /** Held by a relative the child lives with (a grandparent): 有户无房（一）. */
        RELATIVE,
        /** Affordable housing that is not a rental (经济适用住房, 共有产权住房): 有户无房（一） per seed 004. */
        AFFORDABLE
    }

    record HukouFact(Map<String, Object> record, Placement place) {}

    record HomeFact(
            GovernmentSource source,
            String key,
            DeclaredPerson owner,
            Holding holding,
            Placement place,
            LocalDate registrationDate,
            String coOwnershipType,
            String share,
            String certificateNumber,
            String use) {}

    record RentalFact(
            GovernmentSource source,
            String key,
            DeclaredPerson tenant,
            Placement place,
            LocalDate start,
            LocalDate end,
            boolean running) {}

    /** A residence permit; {@code problem} says why it does not qualify, {@code null} when it does. */
    record PermitFact(
            DeclaredPerson holder,
            Map<String, Object> record,
            LocalDate issueDate,
            LocalDate validUntil,
            boolean validOnCheck,
            MessageRef problem) {}

    /** One insured guardian's payments counted over the window; {@code problem} as for permits. */
    record InsuranceFact(
            DeclaredPerson insured,
            Map<String, Object> record,
            YearMonth start,
            YearMonth end,
            YearMonth current,
            int paidInWindow,
            int expectedInWindow,
            MessageRef problem) {

        int missing() {
            return expectedInWindow - paidInWindow;
        }
    }

    record BusinessFact(GovernmentSource source, DeclaredPerson operator, String name, boolean inCounty) {}

    HukouFact childHukou;
    boolean childHukouMissing;
    final List<HomeFact> homes = new ArrayList<>();
    final List<RentalFact> rentals = new ArrayList<>();
    final List<PermitFact> permits = new ArrayList<>();
    final List<InsuranceFact> insurance = new ArrayList<>();
    final List<BusinessFact> businesses = new ArrayList<>();
    final EnumSet<GovernmentSource> asked = EnumSet.noneOf(GovernmentSource.class);
    final EnumSet<GovernmentSource> errored = EnumSet.noneOf(GovernmentSource.class);

    void addHome(HomeFact home) {
        for (int i = 0; i < homes.size(); i++) {
            HomeFact h = homes.get(i);
            if (h.source() == home.source() && h.key() != null && h.key().equals(home.key())) {
                // The same title found through both spouses: keep the parent's reading of it.
                if (h.holding() != Holding.PARENT && home.holding() == Holding.PARENT) {
                    homes.set(i, home);
                }
                return;
            }
        }
        homes.add(home);
    }

    void addRental(RentalFact rental) {
        if (rentals.stream()
                .noneMatch(r -> r.source() == rental.source()
                        && r.key() != null
                        && r.key().equals(rental.key()))) {
            rentals.add(rental);
        }
    }
}
