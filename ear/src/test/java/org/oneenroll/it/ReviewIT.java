package org.oneenroll.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oneenroll.it.callers.Caller.as;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oneenroll.audit.boundary.AuditTrail;
import org.oneenroll.audit.entity.AuditAction;
import org.oneenroll.identity.boundary.StaffAccounts;
import org.oneenroll.identity.entity.NationalId;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.identity.entity.StaffRole;
import org.oneenroll.intake.boundary.Cases;
import org.oneenroll.intake.entity.CaseStatus;
import org.oneenroll.intake.entity.CaseTransition;
import org.oneenroll.intake.entity.EnrollmentCase;
import org.oneenroll.it.callers.AsCitySupervisor;
import org.oneenroll.it.callers.AsCounterStaff;
import org.oneenroll.it.callers.AsCountyReviewer;
import org.oneenroll.it.callers.AsOtherCountyReviewer;
import org.oneenroll.it.callers.AsProvinceSupervisor;
import org.oneenroll.it.callers.AsSchoolReviewer;
import org.oneenroll.it.callers.Tally;
import org.oneenroll.notification.boundary.SmsHistory;
import org.oneenroll.notification.entity.SmsMessage;
import org.oneenroll.notification.entity.SmsTemplate;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.review.boundary.Reviews;
import org.oneenroll.review.boundary.Supervision;
import org.oneenroll.review.control.Scopes;
import org.oneenroll.review.entity.BulkOutcome;
import org.oneenroll.review.entity.CaseDetail;
import org.oneenroll.review.entity.CaseRef;
import org.oneenroll.review.entity.Dashboard;
import org.oneenroll.review.entity.DecisionOutcome;
import org.oneenroll.review.entity.DecisionRequest;
import org.oneenroll.review.entity.QueueFilter;
import org.oneenroll.review.entity.QueuePage;
import org.oneenroll.review.entity.QueueRow;
import org.oneenroll.review.entity.QueueSort;
import org.oneenroll.verification.control.PlanContexts;
import org.oneenroll.verification.entity.Proof;

/**
 * Review on the server with generated families: a county reviewer works cases through approve, reject and return
 * (SMS, history, archive, audit); two reviewers decide one case at once and the second is told; a reviewer of
 * another county, a school reviewer and counter staff cannot see or change what is not theirs by any call; the
 * supervisors' totals are the database's. Callers are the demo county's accounts (see {@code Deployments}).
 */
@ExtendWith(ArquillianExtension.class)
class ReviewIT {

    static final RegionCode COUNTY = RegionCode.of("620123");
    static final Duration SETTLES = Duration.ofSeconds(60);

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withCallers();
    }

    @Inject
    Reviews reviews;

    @Inject
    Supervision supervision;

    @Inject
    Cases cases;

    @Inject
    PlanContexts plans;

    @Inject
    StaffAccounts staff;

    @Inject
    Scopes scopes;

    @Inject
    SmsHistory sms;

    @Inject
    AuditTrail audit;

    @Inject
    AsCountyReviewer countyReviewer;

    @Inject
    AsSchoolReviewer schoolReviewer;

    @Inject
    AsOtherCountyReviewer otherCountyReviewer;

    @Inject
    AsCitySupervisor citySupervisor;

    @Inject
    AsProvinceSupervisor provinceSupervisor;

    @Inject
    AsCounterStaff counterStaff;

    @Inject
    Tally tally;

    @jakarta.annotation.Resource(lookup = "java:comp/DefaultManagedExecutorService")
    jakarta.enterprise.concurrent.ManagedExecutorService executor;

    private final Simulator simulator = new Simulator();

    @BeforeEach
    void platformUpAndAReviewerInAnotherCounty() {
        simulator.awaitUp();
        simulator.reset();
        if (staff.findByUsername("review.other").isEmpty()) {
            staff.create(
                    "review.other",
                    "城关区审核员",
                    "other-county-2027".toCharArray(),
                    RegionCode.of("620102"),
                    null,
                    EnumSet.of(StaffRole.COUNTY_REVIEWER),
                    null,
                    null);
        }
    }

    @Test
    void aReviewerApprovesRejectsAndReturnsCasesOfTheQueue() {
        List<String> numbers = settledCases(3);
        // The queue shows them, counted; every row is the county's.
        QueuePage page = as(countyReviewer, () -> reviews.queue(QueueFilter.work(), newestFirst(), 0, 100));
        List<String> shown = page.rows().stream().map(QueueRow::caseNumber).toList();
        assertTrue(shown.containsAll(numbers), shown + " holds " + numbers);
        assertTrue(page.rows().stream().allMatch(r -> r.caseNumber().startsWith("620123-")));
        assertEquals(
                QueueFilter.WORK.stream()
                        .mapToLong(s -> page.countsByStatus().get(s))
                        .sum(),
                page.total());

        // Approve (with a comment: the case may not be fully confirmed).
        CaseDetail a = as(countyReviewer, () -> reviews.detail(numbers.get(0)));
        assertFalse(a.evidence().isEmpty(), "the sources' answers are shown");
        DecisionOutcome approved = as(
                countyReviewer,
                () -> reviews.decide(DecisionRequest.approve(a.caseNumber(), a.version(), "经审核符合入学条件", key())));
        assertEquals(CaseStatus.APPROVED, approved.status());
        List<CaseTransition> history = cases.history(a.caseNumber());
        CaseTransition last = history.get(history.size() - 1);
        assertEquals(CaseStatus.APPROVED, last.to());
        assertEquals("county.reviewer", last.actor(), "the signed-in reviewer, not 'system'");
        assertEquals(CaseStatus.UNDER_REVIEW, history.get(history.size() - 2).to());
        NationalId child = cases.require(a.caseNumber()).childId();
        assertTrue(audit.about(child).stream()
                .anyMatch(e ->
                        e.action() == AuditAction.REVIEW_DECISION && e.actor().equals("county.reviewer")));

        // Reject with a reason from the list.
        CaseDetail b = as(countyReviewer, () -> reviews.detail(numbers.get(1)));
        assertThrows(
                InvalidValueException.class,
                () -> as(
                        countyReviewer,
                        () -> reviews.decide(DecisionRequest.reject(b.caseNumber(), b.version(), null, "无理由", key()))),
                "a rejection needs a reason");
        DecisionOutcome rejected = as(
                countyReviewer,
                () -> reviews.decide(
                        DecisionRequest.reject(b.caseNumber(), b.version(), "OUT_OF_ZONE", "住址不在本片区", key())));
        assertEquals(CaseStatus.REJECTED, rejected.status());

        // Return for a proof: the family gets one SMS, even if the reviewer sends the decision twice.
        CaseDetail c = as(countyReviewer, () -> reviews.detail(numbers.get(2)));
        String returnKey = key();
        LocalDate deadline =
                LocalDate.now(org.oneenroll.platform.control.Clocks.SHANGHAI).plusDays(7);
        DecisionRequest ret = DecisionRequest.returnForProof(
                c.caseNumber(), c.version(), EnumSet.of(Proof.RENTAL_CONTRACT), deadline, "请上传房屋租赁合同", returnKey);
        DecisionOutcome returned = as(countyReviewer, () -> reviews.decide(ret));
        assertEquals(CaseStatus.RETURNED, returned.status());
        DecisionOutcome again = as(countyReviewer, () -> reviews.decide(ret));
        assertTrue(again.repeated());
        List<SmsMessage> texts = sms.search(new SmsHistory.Filter(null, c.caseNumber(), null), 0, 50).stream()
                .filter(m -> m.template() == SmsTemplate.PROOF_REQUESTED)
                .toList();
        assertEquals(1, texts.size());
        assertEquals(deadline, cases.require(c.caseNumber()).proofDeadline());
        assertEquals(
                1,
                as(countyReviewer, () -> reviews.detail(c.caseNumber()))
                        .decisions()
                        .size());
    }

    @Test
    void twoReviewersDecideOneCaseTheSecondIsToldAndNothingIsOverwritten() throws Exception {
        String number = settledCases(1).get(0);
        CaseDetail seen = as(countyReviewer, () -> reviews.detail(number));
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<DecisionOutcome> approve = CompletableFuture.supplyAsync(
                () -> {
                    waitFor(start);
                    return as(
                            countyReviewer,
                            () -> reviews.decide(DecisionRequest.approve(number, seen.version(), "同意", key())));
                },
                executor);
        CompletableFuture<DecisionOutcome> reject = CompletableFuture.supplyAsync(
                () -> {
                    waitFor(start);
                    return as(
                            countyReviewer,
                            () -> reviews.decide(
                                    DecisionRequest.reject(number, seen.version(), "OUT_OF_ZONE", "不在片区", key())));
                },
                executor);
        start.countDown();
        List<DecisionOutcome> won = new ArrayList<>();
        List<InvalidValueException> told = new ArrayList<>();
        for (CompletableFuture<DecisionOutcome> f : List.of(approve, reject)) {
            try {
                won.add(f.get(60, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                told.add((InvalidValueException) rootOf(e));
            }
        }
        assertEquals(1, won.size(), "exactly one decision stands");
        assertEquals(1, told.size());
        assertEquals("review.stale", told.get(0).messageKey());
        assertTrue(told.get(0).getMessage().contains("已被他人处理"), told.get(0).getMessage());
        EnrollmentCase now = cases.require(number);
        assertEquals(won.get(0).status(), now.status(), "the winner's decision, not overwritten");
        assertEquals(
                1, as(countyReviewer, () -> reviews.detail(number)).decisions().size());
    }

    @Test
    void nobodySeesOrChangesACaseOutsideTheirCountyOrSchool() {
        String number = settledCases(1).get(0);
        CaseDetail seen = as(countyReviewer, () -> reviews.detail(number));

        // Another county's reviewer: not in the queue, not by number, not by a decision.
        QueuePage theirs = as(otherCountyReviewer, () -> reviews.queue(QueueFilter.work(), newestFirst(), 0, 200));
        assertTrue(theirs.rows().stream().noneMatch(r -> r.caseNumber().startsWith("620123-")));
        assertUnknown(() -> as(otherCountyReviewer, () -> reviews.detail(number)));
        assertUnknown(() -> as(
                otherCountyReviewer,
                () -> reviews.decide(DecisionRequest.approve(number, seen.version(), "越权", key()))));
        BulkOutcome bulk =
                as(otherCountyReviewer, () -> reviews.bulkApprove(List.of(new CaseRef(number, seen.version())), key()));
        assertTrue(bulk.approved().isEmpty());
        assertTrue(bulk.refused().get(number).contains("没有找到办件"), bulk.refused().toString());

        // The school reviewer: only the zones their school serves.
        String school = staff.findByUsername("school.reviewer").orElseThrow().schoolCode();
        List<String> zones = scopes.zonesOf(school);
        QueuePage schoolQueue = as(schoolReviewer, () -> reviews.queue(QueueFilter.work(), newestFirst(), 0, 200));
        assertTrue(schoolQueue.rows().stream().allMatch(r -> zones.contains(r.zoneCode())), "only " + zones);
        String outside = outsideZones(zones);
        assertUnknown(() -> as(schoolReviewer, () -> reviews.detail(outside)));
        CaseDetail outsideSeen = as(countyReviewer, () -> reviews.detail(outside));
        assertUnknown(() -> as(
                schoolReviewer,
                () -> reviews.decide(DecisionRequest.approve(outside, outsideSeen.version(), "越权", key()))));

        // Roles: counter staff may not review, supervisors may not decide, nobody anonymous gets in.
        assertThrows(
                EJBAccessException.class,
                () -> as(counterStaff, () -> reviews.queue(QueueFilter.work(), newestFirst(), 0, 20)));
        assertThrows(
                EJBAccessException.class,
                () -> as(
                        citySupervisor,
                        () -> reviews.decide(DecisionRequest.approve(number, seen.version(), "督导", key()))));
        assertThrows(EJBAccessException.class, () -> reviews.queue(QueueFilter.work(), newestFirst(), 0, 20));
        assertThrows(EJBAccessException.class, () -> as(countyReviewer, () -> supervision.dashboard(null)));
        assertEquals(seen.version(), cases.require(number).version(), "nothing changed the case");
    }

    @Test
    void supervisorsSeeTheDatabasesTotalsForTheirRegionOnly() {
        settledCases(1);
        Dashboard city = as(citySupervisor, () -> supervision.dashboard(null));
        assertEquals("6201", city.regionPrefix());
        assertEquals(tally.cases("6201"), city.total());
        assertEquals(
                city.total(),
                city.byRegion().stream().mapToLong(Dashboard.RegionLine::cases).sum());
        Dashboard county = as(citySupervisor, () -> supervision.dashboard("620123"));
        assertEquals(tally.cases("620123"), county.total());
        Dashboard province = as(provinceSupervisor, () -> supervision.dashboard(null));
        assertEquals(tally.cases("62"), province.total());
        assertTrue(province.sources().stream().anyMatch(s -> s.asked() > 0), "checks were counted per source");
        var refused = assertThrows(
                InvalidValueException.class, () -> as(citySupervisor, () -> supervision.dashboard("630102")));
        assertTrue(refused.getMessage().contains("不在您的督导范围内"), refused.getMessage());
    }

    @Test
    void bulkApprovalTakesOnlyFullyConfirmedCases() {
        List<String> numbers = settledCases(2);
        List<CaseRef> refs = new ArrayList<>();
        for (String n : numbers) {
            refs.add(new CaseRef(n, as(countyReviewer, () -> reviews.detail(n)).version()));
        }
        java.util.Map<String, CaseStatus> before = new java.util.HashMap<>();
        numbers.forEach(n -> before.put(n, cases.require(n).status()));
        BulkOutcome outcome = as(countyReviewer, () -> reviews.bulkApprove(refs, key()));
        for (String n : numbers) {
            boolean confirmed = as(countyReviewer, () -> reviews.detail(n)).fullyConfirmed();
            assertEquals(confirmed, outcome.approved().contains(n), n);
            assertEquals(
                    confirmed ? CaseStatus.APPROVED : before.get(n),
                    cases.require(n).status(),
                    n);
            if (!confirmed) {
                assertTrue(
                        outcome.refused().get(n).contains("不能批量审核通过"),
                        outcome.refused().get(n));
            }
        }
    }

    /** {@code n} new cases of clean generated families of the test county, checked and waiting for review. */
    private List<String> settledCases(int n) {
        return FreshCases.settled(cases, plans, n);
    }

    /** A checked case of the county in a zone the school does not serve (one is made if none is waiting). */
    private String outsideZones(List<String> zones) {
        for (int attempt = 0; attempt < 5; attempt++) {
            QueuePage county = as(countyReviewer, () -> reviews.queue(QueueFilter.work(), newestFirst(), 0, 200));
            for (QueueRow r : county.rows()) {
                if (r.zoneCode() != null && !zones.contains(r.zoneCode())) {
                    return r.caseNumber();
                }
            }
            settledCases(3);
        }
        throw new AssertionError("no case outside the zones " + zones);
    }

    private static QueueSort newestFirst() {
        return new QueueSort(QueueSort.Field.SUBMITTED, false);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static void assertUnknown(org.junit.jupiter.api.function.Executable call) {
        InvalidValueException e = assertThrows(InvalidValueException.class, call);
        assertEquals("case.unknown", e.messageKey(), e.getMessage());
    }

    private static void waitFor(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Throwable rootOf(ExecutionException e) {
        Throwable t = e.getCause();
        while (!(t instanceof InvalidValueException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
