package org.oneenroll.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oneenroll.identity.entity.NationalId;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.intake.boundary.Cases;
import org.oneenroll.intake.entity.Channel;
import org.oneenroll.intake.entity.EnrollmentCase;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.verification.entity.Declaration;
import org.oneenroll.verification.entity.DeclaredPerson;
import org.oneenroll.verification.entity.EligibilityThresholds;
import org.oneenroll.verification.entity.PlanContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The application wizard in a real browser, typed from generated families' papers: counter staff enter a walk-in
 * family (帮办) with a scanned proof; a stage outside its window shows the off-season notice and no form; a local
 * family signs in with an SMS code and applies end to end (a reload loses nothing); a non-local family whose check
 * failed uploads the proof, and a file that is not one is refused. Screenshots go to {@code ear/target/screenshots}.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApplyScreenIT {

    static final RegionCode COUNTY = RegionCode.of("620123");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withCallers();
    }

    @Inject
    Cases cases;

    @Test
    @Order(1)
    @RunAsClient
    void counterStaffEnterAWalkInFamilyWithAScannedProof() {
        JsonObject family = Picks.counterFamily();
        try (Browser browser = new Browser()) {
            browser.signIn("counter.staff");
            browser.find(By.id("counterLink")).click();
            browser.waitForText(By.tagName("h1"), "窗口帮办录入");
            Wizard wizard = new Wizard(browser);
            wizard.startNewFamily();
            wizard.kind("PRIMARY", "LOCAL", "counter-1-kind");
            wizard.child(family, "counter-2-child");
            wizard.guardianAndContact(family, Families.mobile(family), "counter-3-guardian");
            wizard.consentAndSubmit();
            String number = wizard.caseNumber();
            assertTrue(number.startsWith("620123-2027-X-"), number);
            wizard.awaitRecords();
            browser.screenshot("counter-4-records");
            assertTrue(browser.pageText().contains("户籍"), "the hukou source is listed");
            wizard.next("预报名学校");
            browser.screenshot("counter-5-choice");
            wizard.next("补充材料");
            wizard.uploadProof("HUKOU_BOOKLET", wizard.scannedPage());
            browser.waitForText(By.id("apply:proofList"), "hukou-scan.png");
            browser.screenshot("counter-6-proofs");
            wizard.next("确认提交");
            browser.screenshot("counter-7-confirm");
            browser.find(By.id("apply:confirm")).click();
            browser.waitForText(By.id("receipt"), number);
            browser.screenshot("counter-8-done");
            String receipt = browser.find(By.id("apply:receiptPdf")).getAttribute("href");
            assertTrue(receipt.contains("/staff/receipt?number=" + number), "the counter prints it: " + receipt);
        }
    }

    @Test
    @Order(2)
    void theCaseRecordsTheCounterAndTheStaffMember() {
        JsonObject family = Picks.counterFamily();
        String number = cases.activeCase(NationalId.of(Families.childId(family)), year())
                .orElseThrow(() -> new AssertionError("the counter entry left no case"));
        EnrollmentCase c = cases.require(number);
        assertEquals(Channel.COUNTER, c.channel());
        assertEquals("counter.staff", c.enteredBy());
        assertEquals(Families.mobile(family), c.contactPhone().value(), "the family is told on the guardian's phone");
    }

    @Test
    @Order(3)
    @RunAsClient
    void outsideItsWindowAStageShowsTheNoticeWithTheDatesAndNoForm() {
        try (Browser browser = new Browser()) {
            browser.signIn("counter.staff");
            browser.open("/staff/counter.xhtml");
            Wizard wizard = new Wizard(browser);
            wizard.startNewFamily();
            wizard.chooseRadio("apply:stage", "JUNIOR");
            browser.waitForText(By.id("apply:offSeason"), "当前不在报名时间");
            String notice = browser.find(By.id("apply:offSeason")).getText();
            assertTrue(notice.contains("2027年7月1日 08:30"), notice);
            assertTrue(notice.contains("2027年7月31日 17:00"), notice);
            assertTrue(browser.driver().findElements(By.id("apply:next")).isEmpty(), "no way forward off season");
            browser.screenshot("apply-off-season");
        }
    }

    @Test
    @Order(4)
    @RunAsClient
    void aLocalFamilyAppliesOnlineFromSignInToReceiptAndNothingTypedIsLostOnAReload() throws Exception {
        JsonObject family = Picks.localFamily();
        String phone = Families.mobile(family);
        MessagingAdmin smsc = new MessagingAdmin(System.getProperty("oneenroll.it.messaging.url"));
        try (Browser browser = new Browser()) {
            ParentLoginIT.Pages.signInToApply(browser, smsc, phone);
            Wizard wizard = new Wizard(browser);
            browser.waitForText(By.cssSelector("#apply h2"), "学段与类型");
            wizard.kind("PRIMARY", "LOCAL", "parent-apply-1-kind");

            // What is typed is kept as it is left: a reload (or a closed tab, or a new session) finds it again.
            Declaration papers = Picks.papers(family);
            wizard.typeChildName(papers.child().name());
            browser.awaitAjax();
            browser.driver().navigate().refresh();
            browser.waitForText(By.cssSelector("#apply h2"), "学生信息");
            assertEquals(
                    papers.child().name(),
                    browser.find(By.id("apply:childName")).getAttribute("value"));

            // a parent's phone, and a desktop at 200% zoom: the form fits without sideways scrolling
            browser.emulate(375, 812, 1, true);
            assertEquals(Optional.empty(), browser.overflow(), "the child's step at 375 px");
            browser.screenshot("parent-apply-375");
            browser.emulate(640, 450, 2, false);
            assertEquals(Optional.empty(), browser.overflow(), "the child's step at 200% zoom");
            browser.emulate(1280, 900, 1, false);
            wizard.child(family, "parent-apply-2-child");
            String guardianPhone = browser.find(By.id("apply:guardianPhone")).getAttribute("value");
            assertEquals(phone, guardianPhone, "the guardian's phone starts as the one signed in with");
            wizard.guardianAndContact(family, phone, "parent-apply-3-guardian");
            wizard.consentAndSubmit();
            String number = wizard.caseNumber();
            wizard.awaitRecords();
            browser.screenshot("parent-apply-4-records");
            String records = browser.find(By.id("apply:records")).getText();
            assertTrue(records.contains("已核验一致"), records);
            assertFalse(records.contains("以下情况需要补充材料"), "a clean family needs no proof: " + records);
            wizard.next("预报名学校");
            browser.waitForText(By.id("apply:choice"), "您的片区学校是");
            browser.screenshot("parent-apply-5-choice");
            wizard.next("补充材料");
            browser.waitForText(By.id("apply:proofsStep"), "无需上传材料");
            wizard.next("确认提交");
            browser.screenshot("parent-apply-7-confirm");
            browser.find(By.id("apply:confirm")).click();
            browser.waitForText(By.id("receipt"), number);
            browser.screenshot("parent-apply-8-done");

            HttpResponse<byte[]> receipt = ParentLoginIT.Pages.receipt(browser, number);
            assertEquals(200, receipt.statusCode());
            assertEquals(
                    "application/pdf",
                    receipt.headers().firstValue("Content-Type").orElse(""));
        }
    }

    @Test
    @Order(5)
    @RunAsClient
    void aNonLocalFamilyWhoseInsuranceIsShortUploadsTheProofAndAWrongFileIsRefused() throws Exception {
        JsonObject family = Picks.migrantWithInsuranceGap();
        String phone = Families.mobile(family);
        MessagingAdmin smsc = new MessagingAdmin(System.getProperty("oneenroll.it.messaging.url"));
        try (Browser browser = new Browser()) {
            ParentLoginIT.Pages.signInToApply(browser, smsc, phone);
            Wizard wizard = new Wizard(browser);
            browser.waitForText(By.cssSelector("#apply h2"), "学段与类型");
            wizard.kind("PRIMARY", "NON_LOCAL");
            wizard.child(family);
            wizard.guardianAndContact(family, phone, "parent-nonlocal-3-permit");
            wizard.consentAndSubmit();
            wizard.awaitRecords();
            browser.waitForText(By.id("apply:records"), "以下情况需要补充材料");
            browser.waitForText(By.id("needed"), "社会保险参保缴费证明");
            browser.screenshot("parent-nonlocal-4-records");
            wizard.next("预报名学校");
            wizard.next("补充材料");

            // A text file called .jpg is refused by its content, in Chinese; nothing is kept.
            wizard.uploadProof("SOCIAL_INSURANCE_RECORD", wizard.file("not-a-photo.jpg", "这不是图片".getBytes(UTF_8)));
            browser.waitForText(By.id("apply:proofUploadMsg"), "不是JPG、PNG图片或PDF文件");
            assertTrue(browser.find(By.id("apply:proofList")).getText().contains("尚未上传材料"));

            wizard.uploadProof(
                    "SOCIAL_INSURANCE_RECORD", wizard.file("社保缴费证明.pdf", "%PDF-1.4\n%社保缴费证明\n".getBytes(UTF_8)));
            browser.waitForText(By.id("apply:proofList"), "社保缴费证明.pdf");
            browser.screenshot("parent-apply-6-proofs");
            wizard.next("确认提交");
            browser.find(By.id("apply:confirm")).click();
            browser.waitForText(By.id("receipt"), "620123-2027-X-");
        }
    }

    @Test
    @Order(6)
    @RunAsClient
    void aParentWithdrawsTheAuthorisationAndThenTheApplicationOnTheCasePage() throws Exception {
        JsonObject family = Picks.localFamily(5);
        String phone = Families.mobile(family);
        MessagingAdmin smsc = new MessagingAdmin(System.getProperty("oneenroll.it.messaging.url"));
        try (Browser browser = new Browser()) {
            ParentLoginIT.Pages.signInToApply(browser, smsc, phone);
            Wizard wizard = new Wizard(browser);
            browser.waitForText(By.cssSelector("#apply h2"), "学段与类型");
            wizard.kind("PRIMARY", "LOCAL");
            wizard.child(family);
            wizard.guardianAndContact(family, phone);
            wizard.consentAndSubmit();
            String number = wizard.caseNumber();
            wizard.awaitRecords();

            browser.open("/parent/case.xhtml?number=" + number);
            browser.waitForText(By.id("consent"), "已授权");
            browser.find(By.id("consentForm:withdrawConsent")).click();
            browser.acceptConfirm("确定撤回数据核验授权吗");
            browser.waitForText(By.id("consent"), "已撤回");
            assertTrue(browser.pageText().contains("已撤回数据核验授权。"), browser.pageText());
            assertTrue(browser.driver()
                    .findElements(By.id("consentForm:withdrawConsent"))
                    .isEmpty());

            // a reason is required: refused in Chinese, the case unchanged
            browser.find(By.id("withdrawForm:withdraw")).click();
            browser.acceptConfirm("确定撤回本次入学申请吗");
            browser.waitForText(By.id("messages"), "请填写撤回原因");
            assertFalse(browser.find(By.id("status")).getText().contains("已撤回"));

            browser.find(By.id("withdrawForm:reason")).sendKeys("已选择其他学校就读");
            browser.screenshot("parent-case-withdraw");
            browser.find(By.id("withdrawForm:withdraw")).click();
            browser.acceptConfirm("确定撤回本次入学申请吗");
            browser.waitForText(By.id("status"), "已撤回");
            browser.waitForText(By.id("timeline"), "家长撤回申请：已选择其他学校就读");
            assertTrue(browser.driver()
                    .findElements(By.id("withdrawForm:withdraw"))
                    .isEmpty());
            browser.screenshot("parent-case-withdrawn");
        }
    }

    static int year() {
        return LocalDate.parse(System.getProperty("oneenroll.verification.check-date"))
                .getYear();
    }

    /** Which generated families the tests apply for, and what their papers say; no browser here (in-container too). */
    static final class Picks {

        private Picks() {}

        /** The counter's family: see {@link #localFamily(int)}. */
        static JsonObject counterFamily() {
            return localFamily(0);
        }

        /** The online parent's family: see {@link #localFamily(int)}. */
        static JsonObject localFamily() {
            return localFamily(1);
        }

        /**
         * The {@code k}th clean local family of two parents applying for primary school from the middle of the list:
         * the other test classes take theirs from its start (by position) and its end (any unused).
         */
        static JsonObject localFamily(int k) {
            List<JsonObject> local = Families.where(
                    "clean, two parents, local, primary",
                    f -> Families.clean(f)
                            && Families.applies(f, Stage.PRIMARY)
                            && Families.scenario(f).equals("HOUSE_AND_HUKOU")
                            && f.getJsonArray("adults").size() >= 2);
            return local.get(local.size() / 2 + k);
        }

        /**
         * The last migrant family with one child, applying for primary, whose applying guardian paid too few months
         * of social insurance (VerificationIT takes the first such family).
         */
        static JsonObject migrantWithInsuranceGap() {
            List<JsonObject> short_ = Families.where(
                    "migrant, insurance gap, one primary child",
                    f -> Families.scenario(f).equals("MIGRANT")
                            && Families.hasDefect(f, "SOCIAL_INSURANCE_GAP")
                            && f.getJsonArray("defects").size() == 1
                            && f.getJsonArray("children").size() == 1
                            && Families.applies(f, Stage.PRIMARY));
            return short_.get(short_.size() - 1);
        }

        /** What the family's papers say, read as the declaration the tests submit in the server. */
        static Declaration papers(JsonObject family) {
            PlanContext plan = new PlanContext(
                    year(),
                    Stage.PRIMARY,
                    COUNTY,
                    "榆中县",
                    "甘肃省兰州市榆中县",
                    Map.of(),
                    List.of(),
                    Set.of(),
                    EligibilityThresholds.GANSU);
            return Families.declare(family, plan);
        }
    }

    /** Types a family's papers into the wizard, as a parent or a counter clerk would. */
    static final class Wizard {

        private final Browser browser;

        Wizard(Browser browser) {
            this.browser = browser;
        }

        void startNewFamily() {
            WebElement button = browser.find(By.id("apply:newFamily"));
            button.click();
            browser.awaitGone(button);
            browser.waitForText(By.cssSelector("#apply h2"), "学段与类型");
        }

        void kind(String stage, String type) {
            kind(stage, type, null);
        }

        /** Chooses the stage and form; {@code shot}, if given, is the screenshot of the filled step. */
        void kind(String stage, String type, String shot) {
            WebElement before = browser.find(By.id("apply:stage"));
            chooseRadio("apply:stage", stage);
            // the choice re-renders the form (the stage's window decides what follows)
            browser.awaitGone(before);
            browser.find(By.id("apply:type"));
            chooseRadio("apply:type", type);
            keep(shot);
            next("学生信息");
        }

        void child(JsonObject family) {
            child(family, null);
        }

        void child(JsonObject family, String shot) {
            Declaration d = Picks.papers(family);
            type("apply:childName", d.child().name());
            type("apply:childId", d.child().idNumber());
            browser.waitForText(By.id("apply:childSummary"), "出生日期");
            browser.chooseOne("apply:townCode", d.home().townCode());
            awaitOption("apply:community_input", d.home().community());
            browser.chooseOne("apply:community", d.home().community());
            if (d.home().compound() != null) {
                awaitOption("apply:compound_input", d.home().compound());
                browser.chooseOne("apply:compound", d.home().compound());
            }
            if (d.home().detail() != null) {
                type("apply:detail", d.home().detail());
            }
            keep(shot);
            next("监护人与紧急联系人");
        }

        void guardianAndContact(JsonObject family, String guardianMobile) {
            guardianAndContact(family, guardianMobile, null);
        }

        void guardianAndContact(JsonObject family, String guardianMobile, String shot) {
            Declaration d = Picks.papers(family);
            DeclaredPerson guardian = d.guardians().get(0);
            DeclaredPerson contact = d.guardians().size() > 1
                    ? d.guardians().get(1)
                    : d.householdMembers().get(0);
            person("guardian", guardian, guardianMobile);
            person("contact", contact, otherMobile(family, guardianMobile));
            if (!d.permits().isEmpty()) {
                var permit = d.permits().get(0);
                date("apply:permitIssueDate", permit.issueDate());
                date("apply:permitValidUntil", permit.validUntil());
                type("apply:permitAuthority", permit.issuingAuthority());
                type("apply:permitAddress", permit.registeredAddress());
            }
            keep(shot);
            next("授权核验");
        }

        /** The step as it stands, from the top of the page, when a screenshot is wanted. */
        void keep(String shot) {
            if (shot != null) {
                browser.awaitAjax();
                ((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0);");
                browser.screenshot(shot);
            }
        }

        void consentAndSubmit() {
            browser.find(By.cssSelector("#apply\\:consent .ui-chkbox-box")).click();
            browser.find(By.id("apply:next")).click();
            browser.waitForText(By.id("apply"), "办件编号");
        }

        String caseNumber() {
            return browser.find(By.id("caseNumber")).getText().strip();
        }

        void awaitRecords() {
            browser.await(60, ExpectedConditions.presenceOfElementLocated(By.id("recordStatus"))::apply);
        }

        void next(String heading) {
            browser.find(By.id("apply:next")).click();
            browser.waitForText(By.cssSelector("#apply h2"), heading);
        }

        void uploadProof(String kind, Path file) {
            browser.chooseOne("apply:proofKind", kind);
            WebElement input = browser.driver().findElement(By.id("apply:proofUpload_input"));
            input.sendKeys(file.toAbsolutePath().toString());
        }

        void typeChildName(String name) {
            type("apply:childName", name);
        }

        /** A file with these bytes, written where the browser can read it. */
        Path file(String name, byte[] content) {
            try {
                Path dir = Files.createDirectories(Path.of("target", "uploads"));
                return Files.write(dir.resolve(name), content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A scanned page as a small PNG, written where the browser can read it. */
        Path scannedPage() {
            try {
                Path dir = Files.createDirectories(Path.of("target", "uploads"));
                Path file = dir.resolve("hukou-scan.png");
                BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
                for (int x = 0; x < 120; x++) {
                    for (int y = 0; y < 80; y++) {
                        image.setRGB(x, y, (x / 10 + y / 10) % 2 == 0 ? 0xF0F0F0 : 0x303030);
                    }
                }
                ImageIO.write(image, "png", file.toFile());
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void chooseRadio(String name, String value) {
            // PrimeFaces hides the native radio behind its own box: wait for it to exist, not to show
            browser.await(
                    30,
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='" + name + "']"))::apply);
            // one script, so a re-render between finding the option and clicking its label cannot go stale
            Object clicked = ((JavascriptExecutor) browser.driver())
                    .executeScript(
                            "var n = arguments[0], v = arguments[1];"
                                    + " var i = Array.from(document.getElementsByName(n))"
                                    + ".find(function (e) { return e.value === v; });"
                                    + " if (!i) { return false; }"
                                    + " document.querySelector(\"label[for='\" + i.id + \"']\").click(); return true;",
                            name,
                            value);
            assertEquals(Boolean.TRUE, clicked, "no " + value + " in " + name);
        }

        private void person(String prefix, DeclaredPerson p, String mobile) {
            type("apply:" + prefix + "Name", p.name());
            type("apply:" + prefix + "Id", p.idNumber());
            browser.chooseOne("apply:" + prefix + "Relation", p.relation().name());
            WebElement phone = browser.find(By.id("apply:" + prefix + "Phone"));
            phone.clear();
            phone.sendKeys(mobile, Keys.TAB);
        }

        private static String otherMobile(JsonObject family, String guardianMobile) {
            return family.getJsonArray("adults").stream()
                    .map(a -> a.asJsonObject().getString("mobile"))
                    .filter(m -> !m.equals(guardianMobile))
                    .findFirst()
                    .orElse("13900000000");
        }

        private void type(String id, String text) {
            // an ajax update of the step may replace the field between finding and typing: find it again then
            for (int attempt = 1; ; attempt++) {
                try {
                    WebElement field = browser.find(By.id(id));
                    field.clear();
                    field.sendKeys(text, Keys.TAB);
                    return;
                } catch (org.openqa.selenium.StaleElementReferenceException e) {
                    if (attempt == 3) {
                        throw e;
                    }
                }
            }
        }

        private void date(String id, LocalDate day) {
            // a date input takes what the parent's keyboard types in the browser's format; set it as the picker does
            WebElement field = browser.find(By.id(id));
            ((JavascriptExecutor) browser.driver())
                    .executeScript(
                            "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));"
                                    + " arguments[0].dispatchEvent(new Event('blur'));",
                            field,
                            day.toString());
        }

        private void awaitOption(String selectId, String value) {
            // asked in one script: the menu is re-rendered by ajax while it is looked at
            browser.await(
                    30,
                    d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                            .executeScript(
                                    "var s = document.getElementById(arguments[0]), v = arguments[1];"
                                            + " return !!s && Array.from(s.options).some(function (o) {"
                                            + " return o.value === v; });",
                                    selectId,
                                    value)));
        }
    }
}
