package org.oneenroll.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oneenroll.identity.boundary.StaffAccounts;
import org.oneenroll.identity.entity.NationalId;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.intake.boundary.Cases;
import org.oneenroll.intake.entity.Channel;
import org.oneenroll.intake.entity.ConsentGrant;
import org.oneenroll.intake.entity.EnrollmentCase;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.review.control.Scopes;
import org.oneenroll.review.entity.QueueFilter;
import org.oneenroll.verification.control.PlanContexts;
import org.oneenroll.verification.entity.Declaration;
import org.oneenroll.verification.entity.PlanContext;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The review screens in a real browser: a county reviewer finds the newest case in the queue, opens it, sees the
 * sources' answers and returns it for a proof; the school reviewer is refused the same case by its URL; counter
 * staff are refused the queue; the city supervisor drills down from the city to the county.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewScreenIT {

    static final RegionCode COUNTY = RegionCode.of("620123");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.oneEnroll();
    }

    @Inject
    Cases cases;

    @Inject
    PlanContexts plans;

    @Inject
    StaffAccounts staff;

    @Inject
    Scopes scopes;

    /** The county's newest case is a checked one in a zone the demo school does not serve. */
    @Test
    @Order(1)
    void theNewestCaseLiesOutsideTheSchoolsZones() {
        new Simulator().awaitUp();
        List<String> zones = scopes.zonesOf(
                staff.findByUsername("school.reviewer").orElseThrow().schoolCode());
        int year = LocalDate.parse(System.getProperty("oneenroll.verification.check-date"))
                .getYear();
        // From the end of the list: the other test classes take their families from its start.
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
            EnrollmentCase settled = await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> cases.require(c.caseNumber()), x -> QueueFilter.WORK.contains(x.status()));
            if (settled.zoneCode() != null && !zones.contains(settled.zoneCode())) {
                return;
            }
        }
        throw new AssertionError("no family settles outside the zones " + zones);
    }

    @Test
    @Order(2)
    @RunAsClient
    void aReviewerReturnsTheCaseForAProofAndOthersAreRefused() {
        String number;
        try (Browser browser = new Browser()) {
            browser.signIn("county.reviewer");
            browser.find(By.id("reviewLink")).click();
            browser.waitForText(By.id("filters:counts"), "核验通过");
            By firstCase = By.cssSelector("#queue\\:cases_data tr:first-child a.oe-case-link");
            WebElement oldestFirst = browser.find(firstCase);
            browser.selectOne("filters:sort", "SUBMITTED_DESC");
            browser.find(By.id("filters:search")).click();
            // The table is replaced by the answer: wait for that, not for text the old table had too.
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .until(ExpectedConditions.stalenessOf(oldestFirst));
            browser.waitForText(By.id("queue:cases"), "620123-");
            browser.screenshot("review-queue");
            number = browser.find(firstCase).getText();

            browser.open("/staff/case.xhtml?number=" + number);
            browser.waitForText(By.tagName("body"), "填报与部门数据对照");
            browser.screenshot("review-case");
            browser.find(By.xpath("//*[@id='decision:kind']//label[text()='退回补充材料']"))
                    .click();
            browser.find(By.xpath("//*[@id='decision:proofs']//label[contains(., '房屋租赁合同')]"))
                    .click();
            browser.find(By.id("decision:comment")).sendKeys("请上传房屋租赁合同（备案）");
            browser.find(By.id("decision:submit")).click();
            browser.waitForText(By.id("messages"), "已办理");
            browser.waitForText(By.id("status"), "退回补充材料");
            browser.screenshot("review-returned");
        }
        try (Browser browser = new Browser()) {
            browser.signIn("school.reviewer");
            browser.open("/staff/case.xhtml?number=" + number);
            browser.waitForText(By.id("messages"), "没有找到办件");
            assertFalse(browser.pageText().contains("填报与部门数据对照"), "nothing of the case is shown");
        }
        try (Browser browser = new Browser()) {
            browser.signIn("counter.staff");
            assertFalse(browser.pageText().contains("资格审核"), "no link for counter staff");
            browser.open("/staff/review.xhtml");
            assertTrue(browser.pageText().contains("没有权限"), browser.pageText());
        }
        try (Browser browser = new Browser()) {
            browser.signIn("city.supervisor");
            browser.find(By.id("supervisionLink")).click();
            browser.waitForText(By.id("region"), "兰州市");
            browser.find(By.linkText("榆中县")).click();
            browser.waitForText(By.id("region"), "榆中县");
            browser.screenshot("supervision-county");
            browser.open("/staff/supervision.xhtml?region=630102");
            browser.waitForText(By.id("messages"), "不在您的督导范围内");
        }
    }
}
