package org.oneenroll.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oneenroll.it.callers.Caller.as;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oneenroll.feedback.boundary.Concerns;
import org.oneenroll.feedback.control.ConcernLimits;
import org.oneenroll.feedback.entity.ConcernDetail;
import org.oneenroll.feedback.entity.ConcernFilter;
import org.oneenroll.feedback.entity.ConcernForm;
import org.oneenroll.feedback.entity.ConcernKind;
import org.oneenroll.feedback.entity.ConcernReceipt;
import org.oneenroll.feedback.entity.ConcernState;
import org.oneenroll.identity.boundary.StaffAccounts;
import org.oneenroll.identity.entity.NationalId;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.identity.entity.StaffRole;
import org.oneenroll.intake.boundary.Cases;
import org.oneenroll.intake.entity.Channel;
import org.oneenroll.intake.entity.ConsentGrant;
import org.oneenroll.intake.entity.EnrollmentCase;
import org.oneenroll.it.callers.AsCitySupervisor;
import org.oneenroll.it.callers.AsCounterStaff;
import org.oneenroll.it.callers.AsCountyReviewer;
import org.oneenroll.it.callers.AsOtherCountyAdmin;
import org.oneenroll.it.callers.AsOtherCountyReviewer;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.review.boundary.Reviews;
import org.oneenroll.review.entity.QueueFilter;
import org.oneenroll.verification.control.PlanContexts;
import org.oneenroll.verification.entity.Declaration;
import org.oneenroll.verification.entity.PlanContext;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Consultations and complaints, and the county's rejection reasons, in a real browser: a parent who is not signed in
 * complains on the contact page (a missing subject is refused at the field first); the county reviewer finds it by
 * its reference and answers it; the city supervisor sees one more answered item in the dashboard and reads the list;
 * another county's staff cannot open or answer it (in-container calls, as those staff). The county administrator adds
 * a rejection reason, a reviewer's decision dialog offers it, the administrator deactivates it and the dialog no
 * longer does; the unused reason is then deleted. Screenshots go to {@code ear/target/screenshots/feedback-*.png}.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedbackIT {

    static final RegionCode COUNTY = RegionCode.of("620123");
    /** Numbers of this test only (the generated families' numbers are drawn elsewhere in the 13x-18x ranges). */
    static final String PARENT = "19900005011";

    static final String CALLER = "19900005021";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withCallers();
    }

    @Inject
    Concerns concerns;

    @Resource
    ManagedExecutorService executor;

    @Inject
    Reviews reviews;

    @Inject
    StaffAccounts staff;

    @Inject
    Cases cases;

    @Inject
    PlanContexts plans;

    @Inject
    AsCountyReviewer countyReviewer;

    @Inject
    AsOtherCountyAdmin otherCountyAdmin;

    @Inject
    AsOtherCountyReviewer otherCountyReviewer;

    @Inject
    AsCitySupervisor citySupervisor;

    @Inject
    AsCounterStaff counterStaff;

    /** A complaint of the demo county: another county's staff neither see nor answer it, a supervisor only reads. */
    @Test
    @Order(1)
    void anotherCountysStaffCannotSeeOrAnswerAComplaint() {
        staffOfAnotherCounty();
        ConcernReceipt receipt = concerns.submit(
                ConcernForm.online(ConcernKind.COMPLAINT, CALLER, null, "学位安排", "孩子被安排到离家很远的学校，请核实。"), "192.0.2.21");
        ConcernFilter byReference = new ConcernFilter(null, null, false, null, null, receipt.reference(), null);
        long id = as(countyReviewer, () -> concerns.queue(byReference, 0, 1))
                .rows()
                .get(0)
                .id();

        InvalidValueException hidden =
                assertThrows(InvalidValueException.class, () -> as(otherCountyAdmin, () -> concerns.detail(id)));
        assertEquals("feedback.unknown", hidden.messageKey());
        assertEquals(
                0, as(otherCountyAdmin, () -> concerns.queue(byReference, 0, 1)).total());
        InvalidValueException notTheirs = assertThrows(
                InvalidValueException.class, () -> as(otherCountyReviewer, () -> concerns.answer(id, 0, "越权答复")));
        assertEquals("feedback.unknown", notTheirs.messageKey());
        assertThrows(InvalidValueException.class, () -> as(otherCountyReviewer, () -> concerns.fullPhone(id)));

        ConcernDetail read = as(citySupervisor, () -> concerns.detail(id));
        assertFalse(read.handleable(), "the city supervisor reads only");
        assertThrows(EJBAccessException.class, () -> as(citySupervisor, () -> concerns.answer(id, 0, "督导答复")));
        assertThrows(EJBAccessException.class, () -> as(counterStaff, () -> concerns.queue(byReference, 0, 1)));
        assertEquals(
                ConcernState.RECEIVED,
                as(countyReviewer, () -> concerns.detail(id)).state(),
                "nothing changed");
        ConcernDetail seen = as(countyReviewer, () -> concerns.detail(id));
        as(countyReviewer, () -> concerns.close(id, seen.version(), "集成测试数据"));
    }

    /** The county has a case waiting for a decision, for the decision dialog of the last test. */
    @Test
    @Order(2)
    void theCountyHasACaseToDecide() {
        if (as(countyReviewer, () -> reviews.counts(QueueFilter.work())).total() > 0) {
            return;
        }
        new Simulator().awaitUp();
        int year = LocalDate.parse(System.getProperty("oneenroll.verification.check-date"))
                .getYear();
        for (JsonObject family : Families.fromTheEnd(Families.where(
                "clean, applying for primary", f -> Families.clean(f) && Families.applies(f, Stage.PRIMARY)))) {
            if (cases.activeCase(NationalId.of(Families.childId(family)), year).isPresent()) {
                continue;
            }
            Declaration declaration = Families.declare(family, plans.of(COUNTY, year, Stage.PRIMARY));
            EnrollmentCase c = cases.submit(
                    declaration,
                    PhoneNumber.of(Families.mobile(family)),
                    Channel.ONLINE,
                    ConsentGrant.forSources(declaration.guardians().get(0).idNumber(), PlanContext.ALL_SOURCES));
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> cases.require(c.caseNumber()), x -> QueueFilter.WORK.contains(x.status()));
            return;
        }
        throw new AssertionError("no clean family is left to apply");
    }

    @Test
    @Order(3)
    @RunAsClient
    void aParentComplainsTheReviewerAnswersAndTheCitySupervisorSeesIt() {
        long answeredBefore;
        try (Browser browser = new Browser()) {
            browser.signIn("city.supervisor");
            answeredBefore = OnScreen.answeredOnTheDashboard(browser);
        }
        String subject = "片区划分有误" + (System.currentTimeMillis() % 100_000);
        String reference;
        try (Browser browser = new Browser()) {
            browser.open("/contact.xhtml");
            OnScreen.fillComplaint(browser, PARENT, "我家住在城关镇，却被划入了其他学校的招生片区，请核实。");
            OnScreen.click(browser, "feedback:submit");
            browser.waitForText(OnScreen.id("feedback:subjectMessage"), "请填写标题");
            assertTrue(OnScreen.value(browser, "feedback:phone").equals(PARENT), "what was typed stays");
            browser.screenshot("feedback-contact-invalid");
            OnScreen.type(browser, "feedback:subject", subject);
            OnScreen.click(browser, "feedback:submit");
            browser.waitForText(OnScreen.id("feedback:receipt"), "受理编号");
            reference = OnScreen.reference(
                    browser.find(OnScreen.id("feedback:receipt")).getText());
            assertTrue(browser.pageText().contains("199****5011"), "the number is shown masked");
            browser.screenshot("feedback-contact-submitted");
        }
        try (Browser browser = new Browser()) {
            browser.signIn("county.reviewer");
            OnScreen.click(browser, "feedbackLink");
            OnScreen.type(browser, "filters:reference", reference);
            OnScreen.click(browser, "filters:search");
            browser.waitForText(OnScreen.id("queue:items"), reference);
            browser.screenshot("feedback-queue");
            OnScreen.openFirst(browser);
            browser.waitForText(OnScreen.id("concernSubject"), subject);
            assertTrue(browser.find(OnScreen.id("phoneForm:phone")).getText().contains("****"), "masked");
            OnScreen.type(browser, "detailForm:reply", "经核实，您家属于城关第一小学招生片区，已为您更正。");
            OnScreen.click(browser, "detailForm:answer");
            browser.waitForText(OnScreen.id("concernState"), "已答复");
            browser.waitForText(OnScreen.id("steps"), "已答复");
            browser.screenshot("feedback-answered");
        }
        try (Browser browser = new Browser()) {
            browser.signIn("city.supervisor");
            long after = OnScreen.answeredOnTheDashboard(browser);
            assertEquals(answeredBefore + 1, after, "one more answered item in the supervisor's counts");
            browser.screenshot("feedback-supervision");
            OnScreen.click(browser, "concernsLink");
            OnScreen.type(browser, "filters:reference", reference);
            OnScreen.click(browser, "filters:search");
            browser.waitForText(OnScreen.id("queue:items"), reference);
            OnScreen.openFirst(browser);
            browser.waitForText(OnScreen.id("concernState"), "已答复");
            assertFalse(OnScreen.present(browser, "detailForm:reply"), "nothing to do for a supervisor");
            assertFalse(OnScreen.present(browser, "filters:openLog"), "supervisors log nothing");
            browser.screenshot("feedback-supervisor-list");
        }
    }

    @Test
    @Order(4)
    @RunAsClient
    void theAdministratorsReasonsAreWhatTheDecisionDialogOffers() {
        String label = "户籍迁入时间不满规定年限" + (System.currentTimeMillis() % 100_000);
        try (Browser admin = new Browser()) {
            admin.signIn("county.admin");
            OnScreen.click(admin, "reasonsLink");
            OnScreen.type(admin, "reasons:label", label);
            OnScreen.click(admin, "reasons:add");
            admin.waitForText(OnScreen.id("reasons:list"), label);
            admin.screenshot("feedback-reasons");
        }
        try (Browser reviewer = new Browser()) {
            reviewer.signIn("county.reviewer");
            List<String> offered = OnScreen.reasonsOffered(reviewer);
            assertTrue(offered.contains(label), offered + " offers the new reason");
            reviewer.screenshot("feedback-reason-offered");
        }
        try (Browser admin = new Browser()) {
            admin.signIn("county.admin");
            admin.open("/staff/reasons.xhtml");
            OnScreen.inRowOf(admin, label, "停用");
            admin.waitForText(OnScreen.id("messages"), "已停用");
            admin.waitForText(OnScreen.row(label), "已停用");
            admin.screenshot("feedback-reason-deactivated");
        }
        try (Browser reviewer = new Browser()) {
            reviewer.signIn("county.reviewer");
            List<String> offered = OnScreen.reasonsOffered(reviewer);
            assertFalse(offered.contains(label), offered + " no longer offers the deactivated reason");
            assertFalse(offered.isEmpty(), "the other reasons are still offered");
        }
        try (Browser admin = new Browser()) {
            admin.signIn("county.admin");
            admin.open("/staff/reasons.xhtml");
            OnScreen.inRowOf(admin, label, "删除");
            OnScreen.click(admin, "reasons:yes");
            admin.waitForText(OnScreen.id("messages"), "已删除");
            assertFalse(
                    admin.find(OnScreen.id("reasons:list")).getText().contains(label), "an unused reason is deleted");
        }
    }

    /** The other county's administrator and reviewer the in-container calls run as. */
    /**
     * Complaints sent all at once, as a script would send them: no more are received from one address, or for one
     * number, than the limits allow.
     */
    @Test
    @Order(5)
    void aBurstOfComplaintsStopsAtTheLimits() throws Exception {
        ConcernLimits limits = ConcernLimits.fromSettings();
        String run = Long.toString(System.nanoTime() % 10_000_000L);
        String address = "burst-" + run;
        List<Callable<String>> fromOneAddress = new ArrayList<>();
        for (int i = 0; i < limits.perAddressHour() + 3; i++) {
            String phone = String.format("195%08d", (Long.parseLong(run) * 10 + i) % 100_000_000L);
            fromOneAddress.add(() -> complain(phone, address));
        }
        assertEquals(
                Map.of("received", (long) limits.perAddressHour(), "feedback.limit.address", 3L),
                Bursts.run(executor, fromOneAddress));

        String phone = String.format("194%08d", Long.parseLong(run));
        List<Callable<String>> forOneNumber = new ArrayList<>();
        for (int i = 0; i < limits.perNumberDay() + 3; i++) {
            String elsewhere = address + "-" + i;
            forOneNumber.add(() -> complain(phone, elsewhere));
        }
        assertEquals(
                Map.of("received", (long) limits.perNumberDay(), "feedback.limit.number", 3L),
                Bursts.run(executor, forOneNumber));
    }

    private String complain(String phone, String address) {
        try {
            concerns.submit(ConcernForm.online(ConcernKind.CONSULTATION, phone, null, "报名时间", "请问报名截止到哪天？"), address);
            return "received";
        } catch (InvalidValueException refused) {
            return refused.messageKey();
        }
    }

    private void staffOfAnotherCounty() {
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

    /** What the screens are made of, on the client side only (Selenium is not deployed with the tests). */
    static final class OnScreen {

        private static final Pattern REFERENCE = Pattern.compile("[ZT]\\d{8}");

        private OnScreen() {}

        static By id(String id) {
            return By.id(id);
        }

        static By row(String label) {
            return By.xpath("//tr[.//span[@class='oe-reason-label' and text()='" + label + "']]");
        }

        static void click(Browser browser, String id) {
            browser.find(By.id(id)).click();
        }

        static void type(Browser browser, String id, String text) {
            WebElement field = browser.find(By.id(id));
            field.clear();
            field.sendKeys(text);
        }

        static String value(Browser browser, String id) {
            return browser.find(By.id(id)).getAttribute("value");
        }

        static boolean present(Browser browser, String id) {
            return !browser.driver().findElements(By.id(id)).isEmpty();
        }

        /** The contact page's form, all but the subject: a complaint from {@code phone}. */
        static void fillComplaint(Browser browser, String phone, String text) {
            browser.find(By.xpath("//*[@id='feedback:kind']//label[text()='投诉']"))
                    .click();
            type(browser, "feedback:phone", phone);
            type(browser, "feedback:text", text);
        }

        static String reference(String receipt) {
            Matcher m = REFERENCE.matcher(receipt);
            if (!m.find()) {
                throw new AssertionError("no reference in: " + receipt);
            }
            return m.group();
        }

        /** Opens the one item the search by reference left in the queue (the table before it may have had more). */
        static void openFirst(Browser browser) {
            browser.await(
                    20,
                    d -> d.findElements(By.cssSelector("#queue\\:items_data tr"))
                                    .size()
                            == 1);
            browser.find(By.cssSelector("#queue\\:items_data tr:first-child a.oe-concern-link"))
                    .click();
        }

        /** The number of answered consultations and complaints on the supervision dashboard. */
        static long answeredOnTheDashboard(Browser browser) {
            browser.open("/staff/supervision.xhtml");
            return Long.parseLong(
                    browser.find(By.id("concernsAnswered")).getText().strip());
        }

        /** Clicks the button {@code button} in the row of the reason {@code label}. */
        static void inRowOf(Browser browser, String label, String button) {
            browser.find(By.xpath("//tr[.//span[@class='oe-reason-label' and text()='" + label
                            + "']]//button[.//span[text()='" + button + "']]"))
                    .click();
        }

        /** The reasons a reviewer's decision dialog offers for rejecting the first case of their queue. */
        static List<String> reasonsOffered(Browser browser) {
            browser.open("/staff/review.xhtml");
            String number = browser.find(By.cssSelector("#queue\\:cases_data tr:first-child a.oe-case-link"))
                    .getText();
            browser.open("/staff/case.xhtml?number=" + number);
            browser.find(By.xpath("//*[@id='decision:kind']//label[text()='审核不通过']"))
                    .click();
            browser.find(By.id("decision:reasonCode"));
            return browser.driver().findElements(By.cssSelector("#decision\\:reasonCode_input option")).stream()
                    .map(o -> o.getAttribute("textContent").strip())
                    .toList();
        }
    }
}
