package org.oneenroll.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oneenroll.it.callers.Caller.as;

import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oneenroll.admission.boundary.Admissions;
import org.oneenroll.admission.entity.RoundView;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.intake.boundary.Cases;
import org.oneenroll.intake.entity.CaseStatus;
import org.oneenroll.it.callers.AsCountyAdmin;
import org.oneenroll.it.callers.AsCountyReviewer;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.review.boundary.Reviews;
import org.oneenroll.review.entity.CaseDetail;
import org.oneenroll.review.entity.DecisionRequest;
import org.oneenroll.verification.control.PlanContexts;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The admission console in a real browser: the county administrator runs a whole county (prepare, ceremony seed,
 * draw, what-if, a child's explanation, publish with confirmation); the city supervisor sees the published round
 * read-only. Screenshots go to {@code ear/target/screenshots}.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdmissionScreenIT {

    static final RegionCode COUNTY = RegionCode.of("620123");
    static final String SEED = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withCallers();
    }

    @Inject
    Cases cases;

    @Inject
    PlanContexts plans;

    @Inject
    Reviews reviews;

    @Inject
    Admissions admissions;

    @Inject
    AsCountyReviewer countyReviewer;

    @Inject
    AsCountyAdmin countyAdmin;

    /** The county has approved cases waiting for admission and no round left open. */
    @Test
    @Order(1)
    void theCountyHasApprovedCasesAndNoOpenRound() {
        new Simulator().awaitUp();
        int year = LocalDate.parse(System.getProperty("oneenroll.verification.check-date"))
                .getYear();
        for (RoundView r : as(countyAdmin, () -> admissions.rounds(null, year, Stage.PRIMARY))) {
            if (r.status().open()) {
                as(countyAdmin, () -> admissions.cancel(r.id(), "浏览器测试前清理未完成的批次"));
            }
        }
        for (String number : FreshCases.settled(cases, plans, 4)) {
            CaseDetail seen = as(countyReviewer, () -> reviews.detail(number));
            as(
                    countyReviewer,
                    () -> reviews.decide(DecisionRequest.approve(
                            number,
                            seen.version(),
                            "经审核符合入学条件",
                            UUID.randomUUID().toString())));
            assertEquals(CaseStatus.APPROVED, cases.require(number).status());
        }
    }

    @Test
    @Order(2)
    @RunAsClient
    void theCountyAdministratorRunsTheCountyAndTheSupervisorWatches() {
        try (Browser browser = new Browser()) {
            browser.signIn("county.admin");
            browser.find(By.id("admissionLink")).click();
            browser.waitForText(By.tagName("h1"), "录取与摇号");

            browser.find(By.id("admission:prepare")).click();
            browser.waitForText(By.id("admission:messages"), "录取名单");
            String inputHash = browser.find(By.id("inputHash")).getText();
            assertEquals(64, inputHash.length(), inputHash);
            browser.screenshot("admission-prepared");

            // A short seed is refused at its field, in Chinese.
            browser.find(By.id("admission:seed")).sendKeys("1234");
            browser.find(By.id("admission:draw")).click();
            browser.find(By.id("admission:confirmYes")).click();
            browser.waitForText(By.tagName("body"), "摇号种子至少需要128位");

            browser.find(By.id("admission:seed")).clear();
            browser.find(By.id("admission:seed")).sendKeys(SEED);
            browser.find(By.id("admission:draw")).click();
            browser.find(By.id("admission:confirmYes")).click();
            browser.waitForText(By.id("admission:messages"), "已摇号");
            browser.waitForText(By.id("seedShown"), SEED);
            browser.waitForText(By.id("roundStatus"), "已摇号，待公布");
            browser.screenshot("admission-drawn");

            // What-if: the school that admitted most children loses its seats; the moved children are listed.
            browser.selectOne("admission:whatIfSchool", Tables.busiestSchool(browser));
            browser.find(By.id("admission:whatIfSeats_input")).sendKeys("0");
            browser.find(By.id("admission:compare")).click();
            browser.waitForText(By.id("whatIfSummary"), "结果变化的儿童人数");
            int moved = Integer.parseInt(
                    browser.find(By.id("whatIfSummary")).getText().replaceAll("\\D", ""));
            browser.screenshot("admission-what-if");
            assertTrue(moved > 0, "closing the busiest school moves its children");

            // A moved child's explanation.
            String child = browser.find(
                            By.cssSelector("#admission\\:whatIfChildren_data tr:first-child td:first-child"))
                    .getText()
                    .replaceAll("^.*(620123-\\S+).*$", "$1");
            browser.find(By.id("admission:caseNumber")).sendKeys(child);
            browser.find(By.id("admission:explain")).click();
            browser.waitForText(By.id("explanation"), "学校");
            browser.screenshot("admission-explanation");

            browser.find(By.id("admission:publish")).click();
            browser.find(By.id("admission:confirmYes")).click();
            browser.waitForText(By.id("admission:messages"), "已公布");
            browser.waitForText(By.id("roundStatus"), "已公布");
            assertFalse(browser.pageText().contains("公布录取结果并发送短信？"), "the dialog closed");
            browser.screenshot("admission-published");
        }
        try (Browser browser = new Browser()) {
            browser.signIn("city.supervisor");
            browser.find(By.id("admissionLink")).click();
            browser.waitForText(By.tagName("body"), "只读查看");
            browser.open("/staff/admission.xhtml?county=620123");
            browser.waitForText(By.id("roundStatus"), "已公布");
            String page = browser.pageText();
            assertFalse(page.contains("生成录取名单"), "no prepare button for a supervisor");
            assertFalse(page.contains("作废本批次"), "no cancel button for a supervisor");
            browser.screenshot("admission-supervisor");
        }
        try (Browser browser = new Browser()) {
            browser.signIn("counter.staff");
            browser.open("/staff/admission.xhtml");
            assertTrue(browser.pageText().contains("没有权限"), browser.pageText());
        }
    }

    /**
     * Reading the console's tables, on the client only: Selenium's classes are not in the deployment, so nothing the
     * server loads with the test class may name them.
     */
    static final class Tables {

        private Tables() {}

        /** The code of the public school with the most children admitted. */
        private static String busiestSchool(Browser browser) {
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("#admission\\:schools_data tr"));
            String best = null;
            int most = -1;
            for (WebElement row : rows) {
                List<WebElement> cells = row.findElements(By.tagName("td"));
                String school = text(cells.get(0));
                if (school.contains("民办")) {
                    continue;
                }
                int admitted = Integer.parseInt(text(cells.get(2)).replaceAll("\\D", ""));
                if (admitted > most) {
                    most = admitted;
                    best = cells.get(0)
                            .findElement(By.tagName("small"))
                            .getText()
                            .strip();
                }
            }
            assertTrue(best != null && most > 0, "a public school admitted children");
            return best;
        }

        /** A cell's own text (reflow tables repeat the column title before it). */
        private static String text(WebElement cell) {
            return cell.getAttribute("textContent")
                    .replaceAll("^\\s*(学校|招生计划数|录取)", "")
                    .strip();
        }
    }
}
