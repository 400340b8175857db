package org.oneenroll.it;

import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.oneenroll.identity.entity.NationalId;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.intake.boundary.Cases;
import org.oneenroll.intake.entity.Channel;
import org.oneenroll.intake.entity.ConsentGrant;
import org.oneenroll.intake.entity.EnrollmentCase;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.review.entity.QueueFilter;
import org.oneenroll.verification.control.PlanContexts;
import org.oneenroll.verification.entity.Declaration;
import org.oneenroll.verification.entity.PlanContext;

/**
 * New cases of clean generated families of the test county applying for primary school, submitted with the
 * guardian's authorisation for every source and left to settle (checked and waiting for review), in the server.
 * Families are taken from the end of the list and only if the child has no case this year: the other test classes
 * pick theirs by position from its start.
 */
final class FreshCases {

    static final RegionCode COUNTY = RegionCode.of("620123");
    static final Duration SETTLES = Duration.ofSeconds(60);

    private FreshCases() {}

    /** The numbers of {@code n} new cases, each checked and waiting for review. */
    static List<String> settled(Cases cases, PlanContexts plans, int n) {
        int year = LocalDate.parse(System.getProperty("oneenroll.verification.check-date"))
                .getYear();
        List<String> numbers = new ArrayList<>();
        for (JsonObject family : Families.fromTheEnd(Families.where(
                "clean, applying for primary", f -> Families.clean(f) && Families.applies(f, Stage.PRIMARY)))) {
            if (numbers.size() == n) {
                break;
            }
            if (cases.activeCase(NationalId.of(Families.childId(family)), year).isPresent()) {
                continue; // used by another test: take a fresh family
            }
            Declaration declaration = Families.declare(family, plans.of(COUNTY, year, Stage.PRIMARY));
            EnrollmentCase c = cases.submit(
                    declaration,
                    PhoneNumber.of(Families.mobile(family)),
                    Channel.ONLINE,
                    ConsentGrant.forSources(declaration.guardians().get(0).idNumber(), PlanContext.ALL_SOURCES));
            numbers.add(c.caseNumber());
        }
        if (numbers.size() < n) {
            throw new AssertionError("only " + numbers.size() + " unused families, " + n + " needed");
        }
        for (String number : numbers) {
            await().atMost(SETTLES)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> QueueFilter.WORK.contains(cases.require(number).status()));
        }
        return numbers;
    }
}
