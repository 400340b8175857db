package org.oneenroll.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oneenroll.it.callers.Caller.as;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oneenroll.it.callers.AsCitySupervisor;
import org.oneenroll.it.callers.AsCountyAdmin;
import org.oneenroll.it.callers.AsCountyReviewer;
import org.oneenroll.policy.boundary.CountySetup;
import org.oneenroll.policy.boundary.SchoolView;
import org.oneenroll.policy.control.CoverageCheck;
import org.oneenroll.policy.control.SchoolSheet;
import org.oneenroll.policy.control.SetupSheets;
import org.oneenroll.policy.control.ZoneSheet;
import org.oneenroll.policy.entity.Stage;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The county set-up screens in a real browser on the demo county: the county administrator downloads the school
 * template, imports a school sheet with two good and two bad rows (sees both reasons and both schools), imports a zone
 * sheet, reads the coverage report (an address in no zone, one in two zones) and settles the overlap; the server then
 * holds what the screens showed, supervisors may read but not change it, and other staff may not even read it.
 * Screenshots ({@code setup-*.png}) go to {@code ear/target/screenshots} for the county administrator's guide.
 *
 * <p>Codes and the community are the test's own ({@code ITSETUP*}, 浏览器测试社区) and the zones are junior ones, so the
 * demo county's schools, primary zones and the other tests' admission rounds are left as they were; no address is left
 * in two zones. A second run on the same database finds the schools already there and updates nothing, which the
 * screens say.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CountySetupIT {

    static final String COUNTY = "620123";
    static final String CITY_SEAT = "620123100";
    static final String COMMUNITY = "浏览器测试社区";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withCallers();
    }

    @Inject
    CountySetup setup;

    @Inject
    AsCountyAdmin countyAdmin;

    @Inject
    AsCitySupervisor citySupervisor;

    @Inject
    AsCountyReviewer countyReviewer;

    @Test
    @Order(1)
    @RunAsClient
    void theCountyAdministratorSetsUpSchoolsAndZonesFromExcel() {
        Path downloads = Sheets.directory("downloads");
        try (Browser browser = new Browser()) {
            browser.signIn("county.admin");
            browser.find(By.id("schoolsLink")).click();
            browser.waitForText(By.tagName("h1"), "学校设置");
            Pages.allowDownloads(browser, downloads);

            browser.find(By.id("schools:downloadTemplate")).click();
            Path template = Pages.awaitDownload(browser, downloads, "学校名单导入模板.xlsx");
            SetupSheets.Table templateSheet = SetupSheets.read(Sheets.bytes(template), SchoolSheet.SHEET);
            assertEquals(SchoolSheet.HEADERS, templateSheet.lines().get(0).cells(), "the template's header");
            assertEquals(SchoolSheet.EXAMPLE, templateSheet.lines().get(1).cell(0), "an example row");
            assertTrue(
                    SetupSheets.read(Sheets.bytes(template), SchoolSheet.NOTES).lines().stream()
                            .anyMatch(l -> l.cell(0).equals(CITY_SEAT + "  城关镇")),
                    "the notes list the county's town codes");
            browser.screenshot("setup-schools");

            Pages.upload(browser, "schools:upload_input", Sheets.schools());
            browser.waitForText(By.id("reportSummary"), "2行有错误");
            String report = browser.find(By.id("schools:problems")).getText();
            assertTrue(report.contains("联系电话“12345”格式不正确"), report);
            assertTrue(report.contains("乡镇（街道）代码“620102001”不是甘肃省 兰州市 榆中县的乡镇（街道）"), report);
            Pages.filterSchools(browser, "浏览器测试");
            browser.waitForText(By.id("schools:schoolTable"), "ITSETUP02");
            String table = browser.find(By.id("schools:schoolTable")).getText();
            assertTrue(table.contains("浏览器测试第一中学") && table.contains("浏览器测试第二中学"), table);
            assertFalse(table.contains("ITSETUP03") || table.contains("ITSETUP04"), "bad rows are not kept");
            browser.screenshot("setup-schools-import");

            Pages.openFirstEdit(browser);
            browser.waitForText(By.id("schoolDialog"), "学校信息");
            browser.screenshot("setup-school-dialog");
            // the dialog is taller than the window: press its button the way the keyboard would, not by a point
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("arguments[0].click();", browser.find(By.id("school:cancel")));

            browser.open("/staff/index.xhtml");
            browser.find(By.id("zonesLink")).click();
            browser.waitForText(By.tagName("h1"), "招生片区设置");
            browser.chooseOne("zones:stage", Stage.JUNIOR.name());
            browser.waitForText(By.id("zones:zoneTable"), COUNTY + "-J-");

            Pages.upload(browser, "zones:upload_input", Sheets.zones());
            browser.waitForText(By.id("reportSummary"), "1行有错误");
            String zoneReport = browser.find(By.id("zones:problems")).getText();
            assertTrue(zoneReport.contains("学校代码“ITSETUP04”不是甘肃省 兰州市 榆中县的学校"), zoneReport);
            browser.screenshot("setup-zones-import");

            Pages.openZone(browser, "ITSETUP-J-01");
            browser.waitForText(By.id("zones:zoneUnits"), "一号院");
            browser.screenshot("setup-zone-units");

            String coverage = Pages.coverage(browser);
            String junior = coverage.substring(coverage.indexOf("初中："));
            assertTrue(junior.contains("城关镇 " + COMMUNITY + " 三号院"), "the listed unit no zone takes: " + junior);
            assertTrue(
                    junior.contains("城关镇 " + COMMUNITY + " 二号院") && junior.contains("ITSETUP-J-01、ITSETUP-J-02"),
                    "the unit two zones claim: " + junior);
            browser.screenshot("setup-coverage");

            // The officer settles the overlap: 二号院 leaves the second zone, and the coverage report no longer has it.
            Pages.openZone(browser, "ITSETUP-J-02");
            browser.waitForText(By.id("zones:zoneUnits"), "浏览器测试二学区");
            Pages.removeUnit(browser, "二号院");
            browser.waitForText(By.id("zones:messages"), "移出");
            Pages.awaitNoOverlap(browser, "ITSETUP-J-01、ITSETUP-J-02");
        }
        try (Browser browser = new Browser()) {
            browser.signIn("city.supervisor");
            browser.open("/staff/schools.xhtml?county=" + COUNTY);
            browser.waitForText(By.tagName("body"), "只读查看");
            browser.waitForText(By.id("schools:countyName"), "榆中县");
            for (String control : List.of("schools:downloadTemplate", "schools:newSchool", "schools:upload_input")) {
                assertTrue(
                        browser.driver().findElements(By.id(control)).isEmpty(), "no " + control + " for a supervisor");
            }
        }
        try (Browser browser = new Browser()) {
            browser.signIn("counter.staff");
            browser.open("/staff/zones.xhtml");
            assertTrue(browser.pageText().contains("没有权限"), browser.pageText());
        }
    }

    /**
     * What the screens showed is what the server holds; supervisors read it, other staff cannot. Whatever happened in
     * the browser, the demo county is left with no address in two zones (DomainCoreIT checks that of the demo).
     */
    @Test
    @Order(2)
    void theServerHoldsTheSetUpAndOnlyTheCountyAdministratorChangesIt() {
        try {
            theServerHoldsWhatTheScreensShowed();
        } finally {
            as(countyAdmin, () -> setup.removeUnit("ITSETUP-J-02", CITY_SEAT + "/" + COMMUNITY + "/二号院"));
        }
    }

    private void theServerHoldsWhatTheScreensShowed() {
        List<SchoolView> schools = as(countyAdmin, () -> setup.schools(null));
        SchoolView first = schools.stream()
                .filter(s -> s.code().equals("ITSETUP01"))
                .findFirst()
                .orElseThrow();
        assertEquals(List.of("ITSETUP-J-01"), first.zones());
        assertEquals(120, first.juniorSeats());
        assertTrue(
                schools.stream()
                        .noneMatch(s -> s.code().equals("ITSETUP03") || s.code().equals("ITSETUP04")),
                "the bad rows' schools were never created");

        CoverageCheck.StageReport junior =
                as(citySupervisor, () -> setup.coverage(COUNTY)).stages().get(1);
        assertTrue(junior.unzoned().stream().anyMatch(u -> u.key().equals(CITY_SEAT + "/" + COMMUNITY + "/三号院")));
        assertTrue(
                junior.overlaps().stream().noneMatch(o -> o.unit().key().startsWith(CITY_SEAT + "/" + COMMUNITY)),
                "the officer took 二号院 out of the second zone");

        byte[] sheet = Sheets.bytes(Sheets.schools());
        assertTrue(
                as(countyAdmin, () -> setup.importSchools("again.xlsx", sheet)).changedNothing(), "idempotent");
        assertThrows(EJBAccessException.class, () -> as(citySupervisor, () -> setup.importSchools("x.xlsx", sheet)));
        assertThrows(EJBAccessException.class, () -> as(countyReviewer, () -> setup.schools(null)));
    }

    /** The sheets the county officer fills in, written with the same library the server reads them with. */
    static final class Sheets {

        private Sheets() {}

        static Path directory(String name) {
            try {
                return Files.createDirectories(Path.of("target", name).toAbsolutePath());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static byte[] bytes(Path file) {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Two good junior schools and two bad rows: a malformed phone, a town of another county. */
        static Path schools() {
            return write(
                    "学校名单-浏览器测试.xlsx",
                    SchoolSheet.SHEET,
                    SchoolSheet.HEADERS,
                    List.of(
                            List.of(
                                    "ITSETUP01",
                                    "浏览器测试第一中学",
                                    "公办",
                                    "初中",
                                    CITY_SEAT,
                                    "城关镇",
                                    COMMUNITY,
                                    "",
                                    "测试路1号",
                                    "",
                                    "",
                                    120,
                                    3,
                                    "0931-5220001"),
                            List.of(
                                    "ITSETUP02",
                                    "浏览器测试第二中学",
                                    "公办",
                                    "初中",
                                    CITY_SEAT,
                                    "城关镇",
                                    COMMUNITY,
                                    "",
                                    "测试路2号",
                                    "",
                                    "",
                                    150,
                                    3,
                                    "0931-5220002"),
                            List.of(
                                    "ITSETUP03",
                                    "浏览器测试第三中学",
                                    "公办",
                                    "初中",
                                    CITY_SEAT,
                                    "城关镇",
                                    COMMUNITY,
                                    "",
                                    "",
                                    "",
                                    "",
                                    100,
                                    2,
                                    "12345"),
                            List.of(
                                    "ITSETUP04",
                                    "浏览器测试第四中学",
                                    "公办",
                                    "初中",
                                    "620102001",
                                    "",
                                    COMMUNITY,
                                    "",
                                    "",
                                    "",
                                    "",
                                    100,
                                    2,
                                    "0931-5220004")));
        }

        /**
         * Two junior zones sharing 二号院, 三号院 on the address list only, and a row naming the refused school.
         */
        static Path zones() {
            return write(
                    "招生片区-浏览器测试.xlsx",
                    ZoneSheet.SHEET,
                    ZoneSheet.HEADERS,
                    List.of(
                            List.of("ITSETUP-J-01", "浏览器测试一学区", "初中", "ITSETUP01", CITY_SEAT, "城关镇", COMMUNITY, "一号院"),
                            List.of("ITSETUP-J-01", "浏览器测试一学区", "初中", "ITSETUP01", CITY_SEAT, "城关镇", COMMUNITY, "二号院"),
                            List.of("ITSETUP-J-02", "浏览器测试二学区", "初中", "ITSETUP02", CITY_SEAT, "城关镇", COMMUNITY, "二号院"),
                            List.of("", "", "", "", CITY_SEAT, "城关镇", COMMUNITY, "三号院"),
                            List.of(
                                    "ITSETUP-J-03",
                                    "浏览器测试四学区",
                                    "初中",
                                    "ITSETUP04",
                                    CITY_SEAT,
                                    "城关镇",
                                    COMMUNITY,
                                    "四号院")));
        }

        private static Path write(String name, String sheet, List<String> headers, List<List<Object>> rows) {
            Path file = directory("uploads").resolve(name);
            try (OutputStream out = Files.newOutputStream(file)) {
                org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(out, "county office", "1.0");
                org.dhatim.fastexcel.Worksheet ws = workbook.newWorksheet(sheet);
                for (int c = 0; c < headers.size(); c++) {
                    ws.value(0, c, headers.get(c));
                }
                for (int r = 0; r < rows.size(); r++) {
                    List<Object> row = rows.get(r);
                    for (int c = 0; c < row.size(); c++) {
                        Object v = row.get(c);
                        if (v instanceof Number n) {
                            ws.value(r + 1, c, n);
                        } else if (!v.toString().isEmpty()) {
                            ws.value(r + 1, c, v.toString());
                        }
                    }
                }
                workbook.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return file;
        }
    }

    /**
     * Driving the set-up screens, on the client only: Selenium's classes are not in the deployment, so nothing the
     * server loads with the test class may name them.
     */
    static final class Pages {

        private Pages() {}

        /** Lets the headless browser save downloads into {@code dir} (it refuses them by default). */
        static void allowDownloads(Browser browser, Path dir) {
            ((ChromeDriver) browser.driver())
                    .executeCdpCommand(
                            "Browser.setDownloadBehavior",
                            Map.<String, Object>of(
                                    "behavior", "allow", "downloadPath", dir.toString(), "eventsEnabled", true));
        }

        static Path awaitDownload(Browser browser, Path dir, String name) {
            Path file = dir.resolve(name);
            browser.await(
                    30,
                    d -> Files.isRegularFile(file)
                            && !Files.exists(dir.resolve(name + ".crdownload"))
                            && sizeOf(file) > 0);
            return file;
        }

        private static long sizeOf(Path file) {
            try {
                return Files.size(file);
            } catch (IOException e) {
                return 0;
            }
        }

        /** PrimeFaces' advanced upload keeps a file input behind its button: the file is handed to it. */
        static void upload(Browser browser, String inputId, Path file) {
            WebElement input = browser.driver().findElement(By.id(inputId));
            input.sendKeys(file.toAbsolutePath().toString());
        }

        static void filterSchools(Browser browser, String text) {
            WebElement filter = browser.find(By.cssSelector("[id='schools:schoolTable'] input.ui-column-filter"));
            filter.clear();
            filter.sendKeys(text);
        }

        static void openFirstEdit(Browser browser) {
            browser.find(By.cssSelector("[id='schools:schoolTable'] tbody button[id$=':edit']"))
                    .click();
        }

        /** Opens the zone of that code from the zone list. */
        static void openZone(Browser browser, String code) {
            By open = By.xpath("//*[@id='zones:zoneTable']//tr[td[contains(., '" + code + "')]]//button");
            browser.await(30, d -> !d.findElements(open).isEmpty());
            browser.driver().findElement(open).click();
        }

        static void removeUnit(Browser browser, String compound) {
            browser.driver()
                    .findElement(By.xpath("//*[@id='zones:units']//tr[td[contains(., '" + compound + "')]]//button"))
                    .click();
        }

        static void awaitNoOverlap(Browser browser, String zones) {
            By overlap = By.xpath("//*[@id='zones:coverage']//td[contains(., '" + zones + "')]");
            browser.await(30, d -> d.findElements(overlap).isEmpty());
        }

        /** The coverage panel's text, scrolled into view for its screenshot. */
        static String coverage(Browser browser) {
            WebElement panel = browser.find(By.id("zones:coverage"));
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView(true);", panel);
            return panel.getText();
        }
    }
}
