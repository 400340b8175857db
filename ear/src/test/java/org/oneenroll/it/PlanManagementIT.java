package org.oneenroll.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
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
import org.oneenroll.identity.boundary.Regions;
import org.oneenroll.identity.boundary.StaffAccounts;
import org.oneenroll.identity.entity.Address;
import org.oneenroll.identity.entity.Region;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.identity.entity.StaffRole;
import org.oneenroll.platform.boundary.DemoCounty;
import org.oneenroll.policy.boundary.PlanDetail;
import org.oneenroll.policy.boundary.PlanSummary;
import org.oneenroll.policy.boundary.Plans;
import org.oneenroll.policy.boundary.Schools;
import org.oneenroll.policy.boundary.Zones;
import org.oneenroll.policy.control.PlanDefaults;
import org.oneenroll.policy.entity.CatchmentZone;
import org.oneenroll.policy.entity.EnrollmentPlan;
import org.oneenroll.policy.entity.School;
import org.oneenroll.policy.entity.SchoolCapacity;
import org.oneenroll.policy.entity.SchoolOwnership;
import org.oneenroll.policy.entity.Stage;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The year's plan in a real browser, on a county of its own so the demo county's published plans stay as the other
 * tests need them: 永登县 (620121, same city as the demo county) gets schools, zones and an administrator; its
 * neighbour 皋兰县 has published its window. The administrator drafts next year's primary plan, is refused with the
 * reasons for the rules it breaks, puts them right, publishes, corrects it as revision 2 with a reason; the public plan
 * page shows revision 2 and what changed; the city supervisor sees it in the overview, read-only. Screenshots go to
 * {@code ear/target/screenshots/plans-*.png} for the county administrator's guide.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlanManagementIT {

    static final RegionCode COUNTY = RegionCode.of("620121");
    static final RegionCode NEIGHBOUR = RegionCode.of("620122");
    static final String ADMIN = "yongdeng.admin";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String REASON = "城关第二小学新教学楼启用，增加一个班";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.oneEnroll();
    }

    @Inject
    Schools schools;

    @Inject
    Zones zones;

    @Inject
    Plans plans;

    @Inject
    StaffAccounts staff;

    @Inject
    Regions regions;

    /** Next year's intake: always at least seven months ahead, so a plan for it can be published today. */
    static int year() {
        return LocalDate.now(SHANGHAI).getYear() + 1;
    }

    @Test
    @Order(1)
    void aSecondCountyWithSchoolsZonesAnAdministratorAndANeighboursWindow() {
        if (schools.byCode("YD0001").isEmpty()) {
            List<String> towns =
                    regions.children(COUNTY.value()).stream().map(Region::code).toList();
            School first = school("YD0001", "永登县城关第一小学", SchoolOwnership.PUBLIC, towns.get(0), 135);
            School second = school("YD0002", "永登县城关第二小学", SchoolOwnership.PUBLIC, towns.get(0), 90);
            school("YD0003", "永登县中堡小学", SchoolOwnership.PUBLIC, towns.get(1), 45);
            school("YD0009", "永登县育才民办学校", SchoolOwnership.PRIVATE, towns.get(0), 45);
            CatchmentZone west = new CatchmentZone("620121-X-01", "城关第一小学学区", COUNTY, Stage.PRIMARY);
            west.addSchool(first);
            CatchmentZone east = new CatchmentZone("620121-X-02", "城关第二小学学区", COUNTY, Stage.PRIMARY);
            east.addSchool(second);
            for (int i = 0; i < towns.size(); i++) {
                (i % 2 == 0 ? west : east)
                        .addUnit(Address.of(COUNTY, towns.get(i), "中心社区", null, null, null)
                                .unitKey());
            }
            zones.define(west);
            zones.define(east);
        }
        if (staff.findByUsername(ADMIN).isEmpty()) {
            staff.create(
                    ADMIN,
                    "永登县招生办 马老师",
                    DemoCounty.DEMO_PASSWORD.toCharArray(),
                    COUNTY,
                    null,
                    EnumSet.of(StaffRole.COUNTY_ADMIN),
                    null,
                    null);
        }
        if (plans.publishedFor(NEIGHBOUR, year(), Stage.PRIMARY).isEmpty()) {
            EnrollmentPlan window = PlanDefaults.draft(NEIGHBOUR, year(), Stage.PRIMARY, List.of());
            window.reschedule(
                    LocalDateTime.of(year(), 7, 10, 8, 30).atZone(SHANGHAI).toInstant(),
                    LocalDateTime.of(year(), 7, 31, 17, 0).atZone(SHANGHAI).toInstant(),
                    LocalDate.of(year(), 7, 10),
                    LocalDate.of(year(), 7, 31),
                    LocalDate.of(year(), 8, 5),
                    LocalDate.of(year(), 8, 10),
                    LocalDate.of(year(), 9, 1));
            plans.publish(plans.draft(window).id());
        }
        assertTrue(plans.publishedFor(COUNTY, year(), Stage.PRIMARY).isEmpty(), "永登县 starts without a plan");
    }

    private School school(String code, String name, SchoolOwnership ownership, String town, int seats) {
        return schools.register(new School(
                code,
                name,
                ownership,
                Address.of(COUNTY, town, "城关社区", null, null, null),
                "0931-6412000",
                List.of(new SchoolCapacity(Stage.PRIMARY, seats, seats / 45))));
    }

    @Test
    @Order(2)
    @RunAsClient
    void theAdministratorIsRefusedWithReasonsPublishesAndCorrectsAndThePublicSeesTheCorrection() {
        int year = year();
        try (Browser browser = new Browser()) {
            browser.signIn(ADMIN);
            browser.find(By.id("plansLink")).click();
            browser.waitForText(By.tagName("h1"), "年度招生计划");
            browser.open("/staff/plans.xhtml?year=" + year + "&stage=PRIMARY");
            browser.find(By.id("plans:create")).click();
            browser.waitForText(By.id("plans:messages"), "已新建第1版草稿");
            Editor.tab(browser, "seatsTab");
            browser.screenshot("plans-draft");

            // Applications in ten days, results four days before term, a public school without a zone: refused.
            Editor.tab(browser, "datesTab");
            Editor.date(browser, "onlineOpens", LocalDate.now(SHANGHAI).plusDays(10) + " 08:30");
            Editor.date(browser, "resultsOn", year + "-08-28");
            Editor.publish(browser);
            browser.waitForText(By.id("plans:messages"), "未发布");
            String errors = browser.find(By.id("checkErrors")).getText();
            assertTrue(errors.contains("不足2个月：招生方案原则上应提前2个月向社会公布"), errors);
            assertTrue(errors.contains("只有4天：整体招生工作应于开学前7日完成"), errors);
            assertTrue(errors.contains("永登县中堡小学安排了45个学位，但没有划定小学招生片区"), errors);
            String warnings = browser.find(By.id("checkWarnings")).getText();
            assertTrue(warnings.contains("网上报名时间与同市皋兰县的报名时间"), warnings);
            assertTrue(warnings.contains("未填写适龄儿童估计数"), warnings);
            assertEquals("草稿（未公开）", browser.find(By.id("plans:planStatus")).getText());
            browser.screenshot("plans-refused");

            // Put right, with the estimate of children: the checks find no error, the warnings keep their figures.
            Editor.date(browser, "onlineOpens", year + "-07-01 08:30");
            Editor.date(browser, "resultsOn", year + "-08-10");
            Editor.tab(browser, "seatsTab");
            Editor.seats(browser, "永登县中堡小学", 0);
            Editor.type(browser, "plans:tabs:children", "600");
            Editor.type(browser, "plans:tabs:childrenSource", "县公安局户籍统计（" + (year - 6) + "年出生）");
            browser.find(By.id("plans:check")).click();
            browser.waitForText(By.id("plans:messages"), "检查完毕：没有须改正的错误");
            browser.find(By.id("checkOk"));
            assertTrue(
                    browser.find(By.id("checkWarnings")).getText().contains("计划学位共270个，少于适龄儿童估计数600人"),
                    browser.find(By.id("checkWarnings")).getText());
            browser.screenshot("plans-checked");

            Editor.publish(browser);
            browser.waitForText(By.id("plans:messages"), "第1版招生计划已发布");
            assertEquals("已发布", browser.find(By.id("plans:planStatus")).getText());
            assertTrue(browser.driver().findElements(By.id("plans:save")).isEmpty(), "a published plan is read-only");
            browser.screenshot("plans-published");

            // The correction: revision 2, more seats at one school; a reason is required.
            browser.find(By.id("plans:correct")).click();
            browser.waitForText(By.id("plans:messages"), "已生成第2版草稿");
            Editor.tab(browser, "seatsTab");
            Editor.seats(browser, "永登县城关第二小学", 135);
            Editor.publish(browser);
            browser.waitForText(By.id("plans:messages"), "发布更正须写明原因");
            browser.find(By.id("plans:reason")).sendKeys(REASON);
            Editor.publish(browser);
            browser.waitForText(By.id("plans:messages"), "第2版招生计划已发布");
            browser.waitForText(By.id("plans:history"), REASON);
            assertTrue(
                    browser.find(By.id("plans:history")).getText().contains("计划学位 永登县城关第二小学：90 → 135"),
                    browser.find(By.id("plans:history")).getText());
            browser.screenshot("plans-corrected");
        }
        try (Browser browser = new Browser()) {
            browser.open("/plan.xhtml?county=" + COUNTY.value());
            browser.waitForText(By.tagName("h1"), year + "年义务教育招生计划");
            assertTrue(browser.find(By.tagName("h1")).getText().contains("永登县"));
            browser.waitForText(By.id("revision-PRIMARY"), "第2版");
            browser.waitForText(By.id("published-PRIMARY"), "此后更正1次");
            String corrections = browser.find(By.id("correctionList-PRIMARY")).getText();
            assertTrue(corrections.contains("第2版"), corrections);
            assertTrue(corrections.contains("更正原因：" + REASON), corrections);
            assertTrue(corrections.contains("计划学位 永登县城关第二小学：90 → 135"), corrections);
            assertTrue(
                    browser.find(By.id("choices-PRIMARY")).getText().contains("永登县育才民办学校"),
                    "the private school with seats takes choices");
            browser.screenshot("plans-public");
        }
        try (Browser browser = new Browser()) {
            browser.signIn("city.supervisor");
            browser.find(By.id("planOverviewLink")).click();
            browser.waitForText(By.tagName("h1"), "各县招生计划");
            browser.open("/staff/plan-overview.xhtml?year=" + year);
            String row = Editor.overviewRow(browser, "永登县");
            assertTrue(row.contains("已发布") && row.contains("第2版"), row);
            browser.screenshot("plans-overview");
            browser.open("/staff/plans.xhtml?county=" + COUNTY.value() + "&year=" + year + "&stage=PRIMARY");
            browser.waitForText(By.id("plans:planStatus"), "已发布");
            assertTrue(browser.driver().findElements(By.id("plans:correct")).isEmpty(), "supervisors read only");
            assertTrue(browser.driver().findElements(By.id("plans:create")).isEmpty());
        }
    }

    @Test
    @Order(3)
    void theServerHoldsTheCorrectionAndTheDemoCountysPlansAreAsTheyWere() {
        PlanDetail plan = plans.details(COUNTY).get(0);
        assertEquals(year(), plan.year());
        assertEquals(2, plan.revision());
        assertEquals(1, plan.corrections().size());
        assertEquals(REASON, plan.corrections().get(0).reason());
        assertEquals(
                List.of("计划学位 永登县城关第二小学：90 → 135", "计划学位合计：270 → 315"),
                plan.corrections().get(0).changes());
        assertEquals(
                List.of("YD0001 135", "YD0002 135", "YD0009 45"),
                plan.schools().stream()
                        .map(s -> s.code() + " " + s.seats())
                        .sorted()
                        .toList());
        List<PlanSummary> demo = plans.published(RegionCode.of("620123"));
        assertEquals(2, demo.size(), "both stages of the demo county");
        demo.forEach(p -> assertEquals(1, p.revision(), "the demo county's plans are untouched"));
        assertFalse(plans.published(NEIGHBOUR).isEmpty());
    }

    /**
     * The plan editor's fields, on the client only: Selenium's classes are not in the deployment, so nothing the server
     * loads with the test class may name them.
     */
    static final class Editor {

        private Editor() {}

        /** Shows a tab of the editor (its header link). */
        static void tab(Browser browser, String tabId) {
            browser.find(By.cssSelector("a[href='#plans:tabs:" + tabId + "']")).click();
        }

        /** Types a date (and time) into a date picker as an officer would, leaving the field. */
        static void date(Browser browser, String id, String value) {
            WebElement input = browser.find(By.id("plans:tabs:" + id + "_input"));
            // the picker puts its value back on clear(): select what is there and type over it, as a person would
            input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"));
            input.sendKeys(value + org.openqa.selenium.Keys.TAB);
        }

        static void type(Browser browser, String id, String value) {
            WebElement input = browser.find(By.id(id));
            input.clear();
            input.sendKeys(value);
        }

        /** Sets a school's seats in the seats table. */
        static void seats(Browser browser, String school, int seats) {
            browser.find(By.id("plans:tabs:seats"));
            WebElement row = browser.driver().findElements(By.cssSelector("tr.oe-seat-row")).stream()
                    .filter(r -> r.findElement(By.className("oe-school-name"))
                            .getText()
                            .equals(school))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no seats row for " + school));
            WebElement input = row.findElement(By.cssSelector("input.oe-seat-input"));
            input.clear();
            input.sendKeys(String.valueOf(seats));
        }

        /** Publish, and yes in the confirmation. */
        static void publish(Browser browser) {
            browser.find(By.id("plans:publish")).click();
            browser.find(By.id("plans:confirmYes")).click();
        }

        /** The overview's row of a county's primary plan, as text. */
        static String overviewRow(Browser browser, String county) {
            browser.waitForText(By.id("overview:plans"), county);
            return browser.driver().findElements(By.cssSelector("#overview\\:plans_data tr")).stream()
                    .map(WebElement::getText)
                    .filter(t -> t.contains(county) && t.contains("小学"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no overview row for " + county));
        }
    }
}
