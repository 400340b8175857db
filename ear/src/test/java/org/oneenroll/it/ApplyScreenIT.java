package org.oneenroll.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
 * The application wizard in a real browser, as counter staff enter a walk-in family (帮办): every step typed
 * from a generated family's papers, a scanned proof, the receipt; and the off-season notice of a stage whose
 * window is not open. The server then holds the case with the counter channel and the staff member.
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
        JsonObject family = Wizard.counterFamily();
        try (Browser browser = new Browser()) {
            browser.signIn("counter.staff");
            browser.find(By.id("counterLink")).click();
            browser.waitForText(By.tagName("h1"), "窗口帮办录入");
            Wizard wizard = new Wizard(browser);
            wizard.startNewFamily();
            wizard.kind("PRIMARY", "LOCAL");
            browser.screenshot("counter-1-kind");
            wizard.child(family);
            browser.screenshot("counter-2-child");
            wizard.guardianAndContact(family, Families.mobile(family));
            browser.screenshot("counter-3-guardian");
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
            browser.waitForText(By.id("apply:receipt"), number);
            browser.screenshot("counter-8-done");
        }
    }

    @Test
    @Order(2)
    void theCaseRecordsTheCounterAndTheStaffMember() {
        JsonObject family = Wizard.counterFamily();
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

    static int year() {
        return LocalDate.parse(System.getProperty("oneenroll.verification.check-date"))
                .getYear();
    }

    /** Types a family's papers into the wizard, as a parent or a counter clerk would. */
    static final class Wizard {

        private final Browser browser;

        Wizard(Browser browser) {
            this.browser = browser;
        }

        /**
         * A clean local family of two parents applying for primary school, from the middle of the list: the other
         * test classes take theirs from its start (by position) and its end (any unused).
         */
        static JsonObject counterFamily() {
            List<JsonObject> local = Families.where(
                    "clean, two parents, local, primary",
                    f -> Families.clean(f)
                            && Families.applies(f, Stage.PRIMARY)
                            && Families.scenario(f).equals("HOUSE_AND_HUKOU")
                            && f.getJsonArray("adults").size() >= 2);
            return local.get(local.size() / 2);
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

        void startNewFamily() {
            WebElement button = browser.find(By.id("apply:newFamily"));
            button.click();
            browser.await(30, ExpectedConditions.stalenessOf(button)::apply);
            browser.waitForText(By.cssSelector("#apply h2"), "学段与类型");
        }

        void kind(String stage, String type) {
            WebElement before = browser.find(By.id("apply:stage"));
            chooseRadio("apply:stage", stage);
            // the choice re-renders the form (the stage's window decides what follows)
            browser.await(30, ExpectedConditions.stalenessOf(before)::apply);
            browser.find(By.id("apply:type"));
            chooseRadio("apply:type", type);
            next("学生信息");
        }

        void child(JsonObject family) {
            Declaration d = papers(family);
            type("apply:childName", d.child().name());
            type("apply:childId", d.child().idNumber());
            browser.waitForText(By.id("apply:childSummary"), "出生日期");
            browser.selectOne("apply:townCode", d.home().townCode());
            awaitOption("apply:community_input", d.home().community());
            browser.selectOne("apply:community", d.home().community());
            if (d.home().compound() != null) {
                awaitOption("apply:compound_input", d.home().compound());
                browser.selectOne("apply:compound", d.home().compound());
            }
            if (d.home().detail() != null) {
                type("apply:detail", d.home().detail());
            }
            next("监护人与紧急联系人");
        }

        void guardianAndContact(JsonObject family, String guardianMobile) {
            Declaration d = papers(family);
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
            next("授权核验");
        }

        void consentAndSubmit() {
            browser.find(By.cssSelector("#apply\\:consent .ui-chkbox-box")).click();
            browser.find(By.id("apply:next")).click();
            browser.waitForText(By.id("apply"), "办件编号");
        }

        String caseNumber() {
            return browser.find(By.id("apply:caseNumber")).getText().strip();
        }

        void awaitRecords() {
            browser.await(60, ExpectedConditions.presenceOfElementLocated(By.id("apply:recordStatus"))::apply);
        }

        void next(String heading) {
            browser.find(By.id("apply:next")).click();
            browser.waitForText(By.cssSelector("#apply h2"), heading);
        }

        void uploadProof(String kind, Path file) {
            browser.selectOne("apply:proofKind", kind);
            WebElement input = browser.driver().findElement(By.id("apply:proofUpload_input"));
            input.sendKeys(file.toAbsolutePath().toString());
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
            browser.selectOne("apply:" + prefix + "Relation", p.relation().name());
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
            WebElement field = browser.find(By.id(id));
            field.clear();
            field.sendKeys(text, Keys.TAB);
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
            browser.await(30, d -> d.findElements(By.cssSelector("select[id='" + selectId + "'] option")).stream()
                    .anyMatch(o -> value.equals(o.getAttribute("value"))));
        }
    }
}
