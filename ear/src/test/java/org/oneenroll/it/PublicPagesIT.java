package org.oneenroll.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oneenroll.simulator.population.CountyLayout;
import org.oneenroll.simulator.population.LayoutJson;
import org.oneenroll.simulator.population.Ownership;
import org.oneenroll.simulator.population.Stage;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The public pages as a parent who has not signed in sees them in a real browser: the plan (the demo county, one of
 * its schools with its seats and zones), the service guide's eleven headings, the material list, the FAQ and the
 * contact page, reached through the header; the off-season notice on the home page; every page on a 375 px phone and
 * at 200% zoom without sideways scrolling; large-text mode switched on from the keyboard and kept on the next page.
 * Screenshots go to {@code ear/target/screenshots} and, for the user guide, to {@code docs/screenshots/public-*.png}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PublicPagesIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.oneEnroll();
    }

    @Test
    void aParentReadsThePlanGuideMaterialsFaqAndContactsWithoutSigningIn() {
        DemoLayout county = DemoLayout.read();
        try (Browser browser = new Browser()) {
            Visitor.readsEverything(browser, county);
        }
    }

    @Test
    void everyPublicPageFitsAPhoneAndTwiceTheZoomWithoutSidewaysScrolling() {
        try (Browser browser = new Browser()) {
            Visitor.checksNarrowScreens(browser);
        }
    }

    @Test
    void largeTextModeIsSwitchedOnFromTheKeyboardAndKeptOnTheNextPage() {
        try (Browser browser = new Browser()) {
            Visitor.usesLargeText(browser);
        }
    }

    /**
     * What the test server loaded: the county layout the build generated ({@code target/demo-county.json}), read on
     * the client so the assertions name a real school and its seats.
     */
    record DemoLayout(String countyName, int year, String school, int seats, List<String> zones) {

        static DemoLayout read() {
            Path file = Path.of(System.getProperty("oneenroll.it.layout", "target/demo-county.json"));
            CountyLayout layout;
            try {
                layout = LayoutJson.fromJson(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException("the build writes the demo county layout to " + file, e);
            }
            CountyLayout.School first = layout.schools().stream()
                    .filter(s -> s.ownership() == Ownership.PUBLIC && s.teaches(Stage.PRIMARY))
                    .min(Comparator.comparing(CountyLayout.School::code))
                    .orElseThrow();
            List<String> zones = layout.zones(Stage.PRIMARY).stream()
                    .filter(z -> z.schoolCodes().contains(first.code()))
                    .map(CountyLayout.Zone::name)
                    .toList();
            CountyLayout.County c = layout.county();
            return new DemoLayout(
                    c.provinceName() + " " + c.cityName() + " " + c.name(),
                    layout.population().planYear(),
                    first.name(),
                    first.seats().get(Stage.PRIMARY),
                    zones);
        }

        /**
         * What the off-season notice says now of the demo plan's window for the stage (DemoCounty: 1 July 08:30 to
         * 31 July 17:00, Beijing time; the primary window opens on the day the demo county is set up, so it is open
         * whenever the test runs before 31 July).
         */
        String windowSentence(Stage stage) {
            ZoneId beijing = ZoneId.of("Asia/Shanghai");
            Instant usual = LocalDateTime.of(year, 7, 1, 8, 30).atZone(beijing).toInstant();
            Instant closes =
                    LocalDateTime.of(year, 7, 31, 17, 0).atZone(beijing).toInstant();
            Instant now = Instant.now();
            if (stage == Stage.JUNIOR && now.isBefore(usual)) {
                return "报名将于" + year + "年7月1日 08:30开始";
            }
            return now.isBefore(closes) ? "报名进行中，" + year + "年7月31日 17:00截止" : "报名已于" + year + "年7月31日 17:00结束";
        }

        boolean windowOpenNow(Stage stage) {
            return windowSentence(stage).startsWith("报名进行中");
        }
    }

    /**
     * A parent's visit, on the client only: Selenium's classes are not in the deployment, so nothing the server loads
     * with the test class may name them.
     */
    static final class Visitor {

        static final List<String> PAGES =
                List.of("/", "/plan.xhtml", "/guide.xhtml", "/materials.xhtml", "/faq.xhtml", "/contact.xhtml");
        static final List<String> GUIDE_HEADINGS = List.of(
                "一、事项名称", "二、申报条件", "三、办理方式", "四、受理机构", "五、法定依据", "六、申请材料", "七、办理流程", "八、办结时限", "九、收费", "十、结果送达",
                "十一、咨询途径");

        private Visitor() {}

        static void readsEverything(Browser browser, DemoLayout county) {
            WebDriver driver = browser.driver();
            browser.open("/");
            browser.waitForText(By.tagName("h1"), county.countyName());
            List<WebElement> notices = driver.findElements(By.cssSelector(".oe-plan-card .oe-notice[role='status']"));
            assertEquals(2, notices.size(), "one window notice per stage on the home page");
            for (int i = 0; i < notices.size(); i++) {
                Stage stage = i == 0 ? Stage.PRIMARY : Stage.JUNIOR;
                String text = notices.get(i).getText();
                assertTrue(text.contains(county.windowSentence(stage)), text);
                assertEquals(!county.windowOpenNow(stage), text.contains("当前不在报名时间"), text);
            }
            keep(browser, "public-home");

            browser.find(By.id("navPlan")).click();
            browser.waitForText(By.tagName("h1"), county.year() + "年义务教育招生计划");
            assertTrue(browser.find(By.tagName("h1")).getText().contains(county.countyName()));
            WebElement school = schoolRow(driver, county.school());
            assertEquals(
                    String.valueOf(county.seats()),
                    school.findElement(By.className("oe-school-seats")).getText());
            String zones = school.getAttribute("textContent");
            county.zones().forEach(zone -> assertTrue(zones.contains(zone), "the school's zone " + zone));
            WebElement primary = driver.findElement(By.id("stage-PRIMARY"));
            int sum = primary.findElements(By.className("oe-school-seats")).stream()
                    .mapToInt(e -> Integer.parseInt(e.getText().strip()))
                    .sum();
            assertEquals(
                    primary.findElement(By.className("oe-seats-total"))
                            .getText()
                            .strip(),
                    String.valueOf(sum),
                    "the schools' seats add up to the plan's");
            String plan = primary.getText();
            WebElement firstTier = primary.findElement(By.cssSelector("ol.oe-explained li"));
            assertTrue(
                    firstTier.getText().contains("房户一致") && firstTier.getText().contains("户籍和自有住房都在本片区"),
                    "the first category, explained: " + firstTier.getText());
            assertTrue(plan.contains("公开摇号仪式"), "the lottery rule in words");
            assertTrue(plan.contains("居住情况：居住证每满1年"), "the migrant points items");
            assertTrue(
                    primary.getText().contains(county.windowSentence(Stage.PRIMARY)),
                    "the notice on the plan page too");
            keep(browser, "public-plan");

            browser.find(By.id("navGuide")).click();
            browser.waitForText(By.tagName("h1"), "办事指南");
            assertEquals(
                    GUIDE_HEADINGS,
                    driver.findElements(By.cssSelector(".oe-guide-section h2")).stream()
                            .map(WebElement::getText)
                            .toList());
            assertTrue(browser.pageText().contains("受理机构：榆中县教育局"), "the county's bureau");
            keep(browser, "public-guide");

            browser.find(By.id("navMaterials")).click();
            browser.waitForText(By.tagName("h1"), "材料清单");
            WebElement hukou = driver.findElements(By.cssSelector("#catalog tr.oe-material-row")).stream()
                    .filter(r -> r.getText().contains("户口簿"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no row for 户口簿"));
            assertTrue(hukou.getText().contains("公安户籍信息"), hukou.getText());
            String matrix = driver.findElement(By.id("materials-PUBLIC")).getText();
            assertTrue(matrix.contains("无房无户（随迁子女）") && matrix.contains("居住证"), matrix);
            assertTrue(matrix.contains("数据共享免提交"), "what the data check confirms need not be shown");
            keep(browser, "public-materials");

            browser.find(By.id("navFaq")).click();
            browser.waitForText(By.tagName("h1"), "常见问题");
            int questions = driver.findElements(By.cssSelector(".oe-question")).size();
            assertTrue(questions >= 8 && questions <= 12, questions + " questions");
            assertTrue(browser.pageText().contains((county.year() - 6) + "年8月31日（含）以前出生"), "the age cut-off");
            keep(browser, "public-faq");

            browser.find(By.id("navContact")).click();
            browser.waitForText(By.tagName("h1"), "咨询投诉");
            assertFalse(browser.find(By.id("hotline")).getText().isBlank(), "a hotline");
            assertTrue(driver.findElement(By.id("complaint")).getText().contains("12345"), "the 12345 route");
            keep(browser, "public-contact");

            assertNull(driver.manage().getCookieNamed("JSESSIONID"), "reading the public pages creates no session");
        }

        static void checksNarrowScreens(Browser browser) {
            List<String> tooWide = new ArrayList<>();
            browser.emulate(375, 812, 1, true);
            for (String page : PAGES) {
                browser.open(page);
                browser.find(By.tagName("h1"));
                browser.overflow().ifPresent(what -> tooWide.add("375 px " + page + ": " + what));
                keep(browser, "public-" + name(page) + "-375");
            }
            // 200% zoom of a 1280 px window: a 640 px wide page drawn at twice the pixels.
            browser.emulate(640, 450, 2, false);
            for (String page : PAGES) {
                browser.open(page);
                browser.find(By.tagName("h1"));
                browser.overflow().ifPresent(what -> tooWide.add("200% " + page + ": " + what));
            }
            assertEquals(List.of(), tooWide, "no page scrolls sideways");
        }

        static void usesLargeText(Browser browser) {
            WebDriver driver = browser.driver();
            browser.open("/plan.xhtml");
            WebElement toggle = browser.find(By.id("oe-large-text"));
            assertEquals("false", toggle.getAttribute("aria-pressed"));
            assertFalse(bodyClass(driver).contains("oe-large-text"));

            new Actions(driver).sendKeys(Keys.TAB).perform();
            assertTrue(
                    active(driver).getAttribute("class").contains("skip-link"), "the first Tab reaches the skip link");
            for (int i = 0; i < 20 && !"oe-large-text".equals(active(driver).getAttribute("id")); i++) {
                new Actions(driver).sendKeys(Keys.TAB).perform();
            }
            assertEquals("oe-large-text", active(driver).getAttribute("id"), "the toggle is reached with Tab");
            assertFalse(
                    "none".equals(script(driver, "return getComputedStyle(document.activeElement).outlineStyle;")),
                    "the focused toggle shows an outline");
            new Actions(driver).sendKeys(Keys.ENTER).perform();
            new WebDriverWait(driver, Duration.ofSeconds(5))
                    .until(d -> bodyClass(d).contains("oe-large-text"));
            assertEquals("true", toggle.getAttribute("aria-pressed"));
            double px = Double.parseDouble(script(driver, "return getComputedStyle(document.body).fontSize;")
                    .replace("px", ""));
            assertTrue(px >= 19.5, "about 125% type: " + px + "px");
            keep(browser, "public-large-text");

            browser.find(By.id("navGuide")).click();
            browser.waitForText(By.tagName("h1"), "办事指南");
            assertTrue(bodyClass(driver).contains("oe-large-text"), "the next page is rendered large by the server");
            assertEquals("true", browser.find(By.id("oe-large-text")).getAttribute("aria-pressed"));
            assertEquals("1", driver.manage().getCookieNamed("oe-large-text").getValue());

            browser.emulate(375, 812, 1, true);
            for (String page : List.of("/plan.xhtml", "/materials.xhtml")) {
                browser.open(page);
                assertTrue(bodyClass(driver).contains("oe-large-text"));
                assertEquals(Optional.empty(), browser.overflow(), "large text fits a phone: " + page);
            }
            keep(browser, "public-large-text-375");

            browser.find(By.id("oe-large-text")).sendKeys(Keys.SPACE);
            new WebDriverWait(driver, Duration.ofSeconds(5))
                    .until(d -> !bodyClass(d).contains("oe-large-text"));
            browser.open("/faq.xhtml");
            assertFalse(bodyClass(driver).contains("oe-large-text"), "switched off, it stays off");
            assertNull(driver.manage().getCookieNamed("JSESSIONID"), "the choice lives in a cookie, not a session");
        }

        /** The row of the plan's primary-school table that names the school. */
        private static WebElement schoolRow(WebDriver driver, String name) {
            return driver.findElements(By.cssSelector("#schoolsPRIMARY tr.oe-school-row")).stream()
                    .filter(r -> r.findElement(By.className("oe-school-name"))
                            .getText()
                            .equals(name))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the plan lists no school " + name));
        }

        /** Why the page scrolls sideways (the widest elements that stick out), if it does. */
        private static String bodyClass(WebDriver driver) {
            String c = driver.findElement(By.tagName("body")).getAttribute("class");
            return c == null ? "" : c;
        }

        private static WebElement active(WebDriver driver) {
            return driver.switchTo().activeElement();
        }

        private static String script(WebDriver driver, String js) {
            return String.valueOf(((JavascriptExecutor) driver).executeScript(js));
        }

        private static String name(String page) {
            return page.equals("/") ? "home" : page.substring(1).replace(".xhtml", "");
        }

        /**
         * A screenshot in {@code target/screenshots}, as every browser test saves them, copied to {@code
         * docs/screenshots} where the user guide shows it.
         */
        private static void keep(Browser browser, String name) {
            browser.screenshot(name);
            Path docs = Path.of("..", "docs", "screenshots");
            if (Files.isDirectory(docs)) {
                try {
                    Files.copy(
                            Path.of("target", "screenshots", name + ".png"),
                            docs.resolve(name + ".png"),
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new IllegalStateException("cannot copy the screenshot " + name + " to " + docs, e);
                }
            }
        }
    }
}
