package org.oneenroll.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oneenroll.it.callers.Caller.as;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oneenroll.admission.boundary.Admissions;
import org.oneenroll.admission.control.ReplayDraw;
import org.oneenroll.admission.entity.CanonicalText;
import org.oneenroll.admission.entity.LotterySeed;
import org.oneenroll.admission.entity.PublishOutcome;
import org.oneenroll.admission.entity.RoundStatus;
import org.oneenroll.admission.entity.RoundView;
import org.oneenroll.admission.entity.SchoolRow;
import org.oneenroll.admission.entity.WhatIfRequest;
import org.oneenroll.admission.entity.WhatIfView;
import org.oneenroll.identity.boundary.StaffAccounts;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.identity.entity.StaffRole;
import org.oneenroll.intake.boundary.Cases;
import org.oneenroll.intake.entity.CaseStatus;
import org.oneenroll.intake.entity.EnrollmentCase;
import org.oneenroll.it.callers.AsCitySupervisor;
import org.oneenroll.it.callers.AsCountyAdmin;
import org.oneenroll.it.callers.AsCountyReviewer;
import org.oneenroll.it.callers.AsOtherCountyAdmin;
import org.oneenroll.notification.boundary.FeedbackDispatch;
import org.oneenroll.notification.boundary.SmsHistory;
import org.oneenroll.notification.entity.CaseFeedbackItem;
import org.oneenroll.notification.entity.SmsMessage;
import org.oneenroll.notification.entity.SmsStatus;
import org.oneenroll.notification.entity.SmsTemplate;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.review.boundary.Reviews;
import org.oneenroll.review.entity.CaseDetail;
import org.oneenroll.review.entity.DecisionRequest;
import org.oneenroll.verification.control.PlanContexts;

/**
 * A county's admission on the server: generated families are submitted, checked and approved by the county
 * reviewer; the county administrator prepares the round, draws it with a fixed ceremony seed (the stored result is
 * what {@code ReplayDraw} prints for the stored input), compares a what-if and publishes: every case moves to its
 * outcome, admitted and reallocated families get exactly one SMS each at the simulated SMSC, the provincial
 * platform gets the feedback, and an administrator of another county cannot see or touch the round.
 */
@ExtendWith(ArquillianExtension.class)
class AdmissionIT {

    static final RegionCode COUNTY = RegionCode.of("620123");
    static final String SEED = "3f2a9c01-77b40d5e-1a2b3c4d-5e6f7081-99aabbcc";
    static final Duration SETTLES = Duration.ofSeconds(60);
    static final int CHILDREN = 6;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withCallers();
    }

    @Inject
    Admissions admissions;

    @Inject
    Reviews reviews;

    @Inject
    Cases cases;

    @Inject
    PlanContexts plans;

    @Inject
    StaffAccounts staff;

    @Inject
    SmsHistory sms;

    @Inject
    FeedbackDispatch feedback;

    @Inject
    AsCountyAdmin countyAdmin;

    @Inject
    AsOtherCountyAdmin otherCountyAdmin;

    @Inject
    AsCountyReviewer countyReviewer;

    @Inject
    AsCitySupervisor citySupervisor;

    private final Simulator simulator = new Simulator();
    private final MessagingAdmin outside = new MessagingAdmin();

    @BeforeEach
    void platformsUpAnAdministratorElsewhereAndNoOpenRound() {
        simulator.awaitUp();
        simulator.reset();
        outside.awaitUp();
        outside.reset();
        if (staff.findByUsername("admin.other").isEmpty()) {
            staff.create(
                    "admin.other",
                    "城关区招生办",
                    "other-county-2027".toCharArray(),
                    RegionCode.of("620102"),
                    null,
                    EnumSet.of(StaffRole.COUNTY_ADMIN),
                    null,
                    null);
        }
        // A round an earlier, interrupted run left open would block this one: cancel it, as an officer would.
        for (RoundView r : as(countyAdmin, () -> admissions.rounds(null, year(), Stage.PRIMARY))) {
            if (r.status().open()) {
                as(countyAdmin, () -> admissions.cancel(r.id(), "测试前清理未完成的批次"));
            }
        }
    }

    @Test
    void theCountyPreparesDrawsComparesAndPublishesItsRound() {
        List<String> ours = approvedCases(CHILDREN);

        // Prepare: every approved case is in the input, whose digest is the one shown before the ceremony.
        RoundView prepared = as(countyAdmin, () -> admissions.prepare(year(), Stage.PRIMARY));
        assertEquals(RoundStatus.PREPARED, prepared.status());
        byte[] input = as(countyAdmin, () -> admissions.input(prepared.id()));
        assertEquals(prepared.inputSha256(), CanonicalText.sha256Hex(input));
        String text = new String(input, StandardCharsets.UTF_8);
        for (String n : ours) {
            assertTrue(text.contains("\nchild " + n + " "), n + " is in the published input");
        }
        assertTrue(prepared.childCount() >= CHILDREN);

        // Another county's administrator sees nothing of it and cannot act on it.
        InvalidValueException hidden = assertThrows(
                InvalidValueException.class, () -> as(otherCountyAdmin, () -> admissions.round(prepared.id())));
        assertEquals("admission.round.unknown", hidden.messageKey());
        assertThrows(
                InvalidValueException.class, () -> as(otherCountyAdmin, () -> admissions.draw(prepared.id(), SEED)));
        assertThrows(InvalidValueException.class, () -> as(otherCountyAdmin, () -> admissions.input(prepared.id())));
        // A supervisor of the city reads it but may not act.
        assertEquals(
                prepared.inputSha256(),
                as(citySupervisor, () -> admissions.round(prepared.id())).inputSha256());
        assertThrows(EJBAccessException.class, () -> as(citySupervisor, () -> admissions.draw(prepared.id(), SEED)));

        // A short seed is refused in Chinese and draws nothing.
        InvalidValueException shortSeed = assertThrows(
                InvalidValueException.class, () -> as(countyAdmin, () -> admissions.draw(prepared.id(), "3f2a9c01")));
        assertEquals("admission.seed.too-short", shortSeed.messageKey());
        assertTrue(shortSeed.getMessage().contains("128"), shortSeed.getMessage());
        assertEquals(
                RoundStatus.PREPARED,
                as(countyAdmin, () -> admissions.round(prepared.id())).status());

        // The draw: the stored result is what anyone replays from the published input and seed.
        RoundView drawn = as(countyAdmin, () -> admissions.draw(prepared.id(), SEED));
        assertEquals(RoundStatus.DRAWN, drawn.status());
        assertEquals("county.admin", drawn.seedEnteredBy());
        byte[] result = as(countyAdmin, () -> admissions.result(drawn.id()));
        assertArrayEquals(ReplayDraw.replay(input, LotterySeed.parse(SEED)), result);
        assertEquals(drawn.resultSha256(), CanonicalText.sha256Hex(result));
        InvalidValueException again = assertThrows(
                InvalidValueException.class,
                () -> as(countyAdmin, () -> admissions.draw(prepared.id(), "00112233445566778899aabbccddeeff")));
        assertEquals("admission.round.drawn-already", again.messageKey());

        // The tables add up, every child has an explanation in Chinese.
        List<SchoolRow> schools = as(countyAdmin, () -> admissions.schools(drawn.id()));
        int placed =
                schools.stream().mapToInt(s -> s.admitted() + s.reallocated()).sum();
        assertEquals(drawn.childCount(), placed + drawn.unplaced());
        assertEquals(
                drawn.unplaced().intValue(),
                as(countyAdmin, () -> admissions.unplaced(drawn.id())).size());
        for (String n : ours) {
            String why = as(countyAdmin, () -> admissions.explanation(drawn.id(), n));
            assertTrue(why.contains("录取") || why.contains("调剂") || why.contains("暂未安排"), why);
        }

        // What-if: one school with no seats changes results, and nothing is stored.
        SchoolRow busiest = schools.stream()
                .filter(s -> !s.privateSchool())
                .max((a, b) -> Integer.compare(a.admitted(), b.admitted()))
                .orElseThrow();
        WhatIfView whatIf = as(
                countyAdmin, () -> admissions.whatIf(drawn.id(), new WhatIfRequest(Map.of(busiest.code(), 0), null)));
        assertTrue(whatIf.childrenMoved() >= busiest.admitted(), whatIf.toString());
        assertEquals(
                RoundStatus.DRAWN,
                as(countyAdmin, () -> admissions.round(drawn.id())).status());
        assertEquals(schools, as(countyAdmin, () -> admissions.schools(drawn.id())));

        // Publish: cases move, one SMS per admitted or reallocated child, feedback to the province, none for refusals.
        assertThrows(EJBAccessException.class, () -> as(citySupervisor, () -> admissions.publish(drawn.id())));
        PublishOutcome outcome = as(countyAdmin, () -> admissions.publish(drawn.id()));
        assertEquals(RoundStatus.PUBLISHED, outcome.round().status());
        assertEquals(outcome.admitted() + outcome.reallocated(), outcome.smsQueued());
        for (String n : ours) {
            EnrollmentCase c = cases.require(n);
            String key = "admission:" + drawn.id() + ":" + n;
            switch (c.status()) {
                case ADMITTED, REALLOCATED -> {
                    SmsMessage m = await().atMost(SETTLES)
                            .until(
                                    () -> sms.byKey(key).orElse(null),
                                    s -> s != null && s.status() == SmsStatus.DELIVERED);
                    assertEquals(
                            c.status() == CaseStatus.ADMITTED
                                    ? SmsTemplate.ADMISSION_RESULT
                                    : SmsTemplate.REALLOCATION_OFFER,
                            m.template());
                    List<JsonObject> received = outside.smsTo(c.contactPhone().value()).stream()
                            .filter(j -> j.getString("text").contains(n))
                            .filter(j -> j.getString("text").contains("录取")
                                    || j.getString("text").contains("调剂"))
                            .toList();
                    assertEquals(1, received.size(), received::toString);
                }
                case UNPLACED -> assertTrue(sms.byKey(key).isEmpty(), "no refusal is texted");
                default -> throw new AssertionError(n + " is " + c.status() + " after publishing");
            }
            List<CaseFeedbackItem> items = feedback.ofCase(n);
            assertTrue(
                    items.stream().anyMatch(i -> i.status().equals("ADMITTED:" + c.status())),
                    n + " feedback "
                            + items.stream().map(CaseFeedbackItem::status).toList());
        }
        InvalidValueException twice =
                assertThrows(InvalidValueException.class, () -> as(countyAdmin, () -> admissions.publish(drawn.id())));
        assertEquals("admission.round.state-expected", twice.messageKey());

        // Every approved case of the stage was in the round: nothing is left to prepare.
        InvalidValueException none = assertThrows(
                InvalidValueException.class, () -> as(countyAdmin, () -> admissions.prepare(year(), Stage.PRIMARY)));
        assertEquals("admission.no-approved", none.messageKey());
    }

    @Test
    void aCountyWithoutAPublishedPlanIsToldSo() {
        InvalidValueException e = assertThrows(
                InvalidValueException.class,
                () -> as(otherCountyAdmin, () -> admissions.prepare(year(), Stage.PRIMARY)));
        assertEquals("admission.no-plan", e.messageKey());
        assertTrue(e.getMessage().contains("尚未发布"), e.getMessage());
    }

    /** {@code n} new cases of clean generated families, checked and approved by the county reviewer. */
    private List<String> approvedCases(int n) {
        List<String> numbers = FreshCases.settled(cases, plans, n);
        for (String number : numbers) {
            approve(number);
        }
        return numbers;
    }

    private void approve(String number) {
        CaseDetail seen = as(countyReviewer, () -> reviews.detail(number));
        as(
                countyReviewer,
                () -> reviews.decide(DecisionRequest.approve(
                        number, seen.version(), "经审核符合入学条件", UUID.randomUUID().toString())));
        assertEquals(CaseStatus.APPROVED, cases.require(number).status());
    }

    private static int year() {
        return LocalDate.parse(System.getProperty("oneenroll.verification.check-date"))
                .getYear();
    }
}
