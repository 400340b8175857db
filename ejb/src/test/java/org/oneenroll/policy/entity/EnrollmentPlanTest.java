package org.oneenroll.policy.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.platform.entity.InvalidValueException;

class EnrollmentPlanTest {

    static final Instant OPENS = Instant.parse("2027-07-01T00:30:00Z");
    static final Instant CLOSES = Instant.parse("2027-07-31T09:00:00Z");

    final EnrollmentPlan cut = new EnrollmentPlan(
            RegionCode.of("620123"),
            2027,
            Stage.PRIMARY,
            1,
            OPENS,
            CLOSES,
            LocalDate.of(2027, 8, 10),
            LocalDate.of(2027, 9, 1),
            LotteryRule.SINGLE_NUMBER_PER_CHILD,
            List.of(FamilyCategory.HOUSE_AND_HUKOU),
            List.of(),
            List.of(new PlanSeat("YZ0001", 90)));

    @Test
    void theWindowOpensOnTheMinuteAndClosesOnTheMinute() {
        assertEquals(WindowState.NOT_YET_OPEN, cut.windowStateAt(OPENS.minusSeconds(1)));
        assertEquals(WindowState.OPEN, cut.windowStateAt(OPENS));
        assertEquals(WindowState.OPEN, cut.windowStateAt(CLOSES.minusSeconds(1)));
        assertEquals(WindowState.CLOSED, cut.windowStateAt(CLOSES));
    }

    @Test
    void openIsTheSameVerdictAsTheState() {
        assertFalse(cut.windowOpenAt(OPENS.minusSeconds(1)));
        assertTrue(cut.windowOpenAt(OPENS));
        assertFalse(cut.windowOpenAt(CLOSES));
    }

    @Test
    void aPublishedRevisionIsReadOnly() {
        cut.publish(OPENS.minusSeconds(86_400L * 90), "county.admin", null, List.of());
        InvalidValueException e = assertThrows(
                InvalidValueException.class, () -> cut.allocateSeats(List.of(new PlanSeat("YZ0001", 120))));
        assertEquals("plan.read-only", e.messageKey());
        assertEquals("第1版招生计划已发布，不能再修改；如需修改，请点“更正”生成新的版本", e.getMessage());
        assertThrows(InvalidValueException.class, () -> cut.rewriteTexts(Map.of()));
        assertThrows(InvalidValueException.class, () -> cut.publish(OPENS, "county.admin", "再发一次", List.of()));
        assertEquals(
                List.of(new PlanSeat("YZ0001", 90).seats()),
                cut.seats().stream().map(PlanSeat::seats).toList());
    }

    @Test
    void aCorrectionIsTheNextRevisionCopiedAndPublishedWithItsReason() {
        cut.rewriteTexts(Map.of("contact.hotline", "0931-5222222"));
        cut.ruleChoices(1, List.of("YZ0009"));
        cut.publish(OPENS.minusSeconds(86_400L * 90), "county.admin", null, List.of());
        assertThrows(InvalidValueException.class, () -> cut.correction("x").correction("y"), "a draft is edited");

        EnrollmentPlan next = cut.correction("county.admin");
        assertEquals(2, next.revision());
        assertEquals(PlanStatus.DRAFT, next.status());
        assertEquals("county.admin", next.draftedBy());
        assertEquals(Map.of("contact.hotline", "0931-5222222"), next.texts());
        assertEquals(Set.of("YZ0009"), next.choiceSchools());
        assertEquals(1, next.maxChoices());
        assertEquals(OPENS, next.onlineOpens());

        InvalidValueException noReason =
                assertThrows(InvalidValueException.class, () -> next.publish(OPENS, "county.admin", " ", List.of()));
        assertEquals("reason", noReason.field());
        assertEquals("发布更正须写明原因：第1版哪里不对、为什么改。原因将与改动一起公布", noReason.getMessage());
        next.publish(OPENS, "county.admin", "城关第一小学扩建", List.of("计划学位 城关第一小学：90 → 120"));
        assertEquals("城关第一小学扩建", next.correctionReason());
        assertEquals(List.of("计划学位 城关第一小学：90 → 120"), next.changes());
        assertEquals("county.admin", next.publishedBy());
    }

    @Test
    void nextYearsPlanStartsFromThisOneWithTheDatesMovedOn() {
        cut.estimateChildren(300, "公安局");
        EnrollmentPlan next = cut.carriedOver(2028, "county.admin");
        assertEquals(2028, next.year());
        assertEquals(1, next.revision());
        assertEquals(Instant.parse("2028-07-01T00:30:00Z"), next.onlineOpens());
        assertEquals(LocalDate.of(2028, 9, 1), next.termStarts());
        assertNull(next.eligibleChildren(), "last year's children are not this year's");
    }

    @Test
    void choicesGoToThePrivateSchoolsUnlessThePlanListsItsOwn() {
        assertTrue(cut.acceptsChoices("YZ0009", true), "by default every private school");
        assertFalse(cut.acceptsChoices("YZ0001", false));
        cut.ruleChoices(2, List.of("YZ0008"));
        assertFalse(cut.acceptsChoices("YZ0009", true));
        assertTrue(cut.acceptsChoices("YZ0008", true));
        cut.ruleChoices(0, List.of());
        assertFalse(cut.acceptsChoices("YZ0009", true), "no choices at all");
        assertThrows(InvalidValueException.class, () -> cut.ruleChoices(-1, List.of()));
    }

    @Test
    void aSchoolHasOneSeatLineAndTheWindowClosesAfterItOpens() {
        InvalidValueException twice = assertThrows(
                InvalidValueException.class,
                () -> cut.allocateSeats(List.of(new PlanSeat("YZ0001", 90), new PlanSeat("YZ0001", 45))));
        assertEquals("学校YZ0001的学位填了两次", twice.getMessage());
        InvalidValueException order = assertThrows(
                InvalidValueException.class, () -> cut.reschedule(CLOSES, OPENS, null, null, null, null, null));
        assertEquals("onlineCloses", order.field());
    }
}
