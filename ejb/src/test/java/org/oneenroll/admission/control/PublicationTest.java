package org.oneenroll.admission.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneenroll.admission.entity.Placement;
import org.oneenroll.admission.entity.Route;
import org.oneenroll.admission.entity.UnplacedReason;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.intake.entity.CaseStatus;
import org.oneenroll.notification.boundary.Notifications.SmsRequest;
import org.oneenroll.notification.entity.SmsTemplate;

/** Which status and which SMS each placement leads to when a round is published. */
class PublicationTest {

    static final PhoneNumber PHONE = PhoneNumber.of("13800138000");

    Publication cut = new Publication(51, "8月8日", "0931-5200000");

    @Test
    void anAdmittedChildIsToldTheSchoolOnce() {
        Placement p = new Placement("620123-2026-P-000001", Route.ZONE_SCHOOL, "620123-001", 0, -1, null);
        assertEquals(CaseStatus.ADMITTED, Publication.outcome(p));
        SmsRequest sms = cut.sms(p, "王小明", PHONE, "城关第一小学").orElseThrow();
        assertEquals("admission:51:620123-2026-P-000001", sms.key());
        assertEquals(SmsTemplate.ADMISSION_RESULT, sms.template());
        assertEquals(
                "【入学一件事】王小明已被城关第一小学录取（办件620123-2026-P-000001）。请于8月8日前登录“入学一件事”确认学籍信息，并按学校通知报到。",
                sms.template().render(sms.args().toArray(String[]::new)));
        assertEquals(
                CaseStatus.ADMITTED,
                Publication.outcome(new Placement("x-1", Route.CHOICE, "620123-002", 1, -1, null)));
    }

    @Test
    void aReallocatedChildGetsTheOfferWithTheHotline() {
        Placement p = new Placement("620123-2026-P-000002", Route.REALLOCATED, "620123-003", 0, 2, null);
        assertEquals(CaseStatus.REALLOCATED, Publication.outcome(p));
        SmsRequest sms = cut.sms(p, "李小红", PHONE, "夏官营小学").orElseThrow();
        assertEquals(SmsTemplate.REALLOCATION_OFFER, sms.template());
        String text = sms.template().render(sms.args().toArray(String[]::new));
        assertTrue(text.contains("拟调剂至夏官营小学") && text.contains("0931-5200000"), text);
    }

    @Test
    void anUnplacedChildOrACaseWithoutPhoneIsNotTexted() {
        Placement unplaced =
                new Placement("620123-2026-P-000003", Route.UNPLACED, null, 0, -1, UnplacedReason.NO_SEATS_LEFT);
        assertEquals(CaseStatus.UNPLACED, Publication.outcome(unplaced));
        assertTrue(cut.sms(unplaced, "张三", PHONE, "").isEmpty(), "no refusal by SMS");
        Placement admitted = new Placement("620123-2026-P-000004", Route.ZONE_SCHOOL, "620123-001", 0, -1, null);
        assertTrue(cut.sms(admitted, "张四", null, "城关第一小学").isEmpty());
        assertTrue(List.of(CaseStatus.ADMITTED, CaseStatus.REALLOCATED, CaseStatus.UNPLACED).stream()
                .allMatch(CaseStatus.APPROVED::canMoveTo));
    }
}
