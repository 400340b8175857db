package org.oneenroll.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.oneenroll.identity.boundary.ParentLogins;
import org.oneenroll.identity.control.LoginLimits;
import org.oneenroll.identity.entity.NationalId;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.intake.boundary.Cases;
import org.oneenroll.intake.entity.Channel;
import org.oneenroll.intake.entity.ConsentGrant;
import org.oneenroll.intake.entity.EnrollmentCase;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.review.entity.QueueFilter;
import org.oneenroll.verification.control.PlanContexts;
import org.oneenroll.verification.entity.Declaration;
import org.oneenroll.verification.entity.PlanContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Parents in a real browser: a mother opens her cases, is sent to the SMS sign-in, asks for a code (a second one at
 * once is refused in Chinese), types the code the simulated SMSC received and is back on her cases; she opens the
 * status page and downloads the receipt; a neighbour signed in meanwhile types her case number and sees nothing of
 * it, nor gets its receipt; the mother signs out. A forgetful father's code dies after five wrong tries. Screenshots
 * go to {@code ear/target/screenshots/parent-*.png}.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ParentLoginIT {

    static final RegionCode COUNTY = RegionCode.of("620123");
    /** Numbers of this test only (the generated families' numbers are drawn elsewhere in the 13x-18x ranges). */
    static final String MOTHER = "19900004011";

    static final String NEIGHBOUR = "19900004012";
    static final String FORGETFUL = "19900004013";
    static final Duration SMS_ARRIVES = Duration.ofSeconds(60);

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.oneEnroll();
    }

    @Inject
    Cases cases;

    @Inject
    PlanContexts plans;

    @Inject
    ParentLogins logins;

    @Resource
    ManagedExecutorService executor;

    /** The mother applied for a clean generated family's child with her number; the case is checked. */
    @Test
    @Order(1)
    void theMotherHasACheckedCase() {
        new Simulator().awaitUp();
        new MessagingAdmin().awaitUp();
        int year = LocalDate.parse(System.getProperty("oneenroll.verification.check-date"))
                .getYear();
        for (JsonObject family : Families.fromTheEnd(Families.where(
                "clean, applying for primary", f -> Families.clean(f) && Families.applies(f, Stage.PRIMARY)))) {
            if (cases.activeCase(NationalId.of(Families.childId(family)), year).isPresent()) {
                continue; // another test class's family
            }
            Declaration declaration = Families.declare(family, plans.of(COUNTY, year, Stage.PRIMARY));
            EnrollmentCase c = cases.submit(
                    declaration,
                    PhoneNumber.of(MOTHER),
                    Channel.ONLINE,
                    ConsentGrant.forSources(declaration.guardians().get(0).idNumber(), PlanContext.ALL_SOURCES));
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> QueueFilter.WORK.contains(
                            cases.require(c.caseNumber()).status()));
            return;
        }
        throw new AssertionError("no unused clean family is left");
    }

    @Test
    @Order(2)
    @RunAsClient
    void theMotherSignsInWithAnSmsCodeFollowsHerCaseAndPrintsItsReceiptAndHerNeighbourSeesNothingOfIt()
            throws Exception {
        MessagingAdmin smsc = new MessagingAdmin(System.getProperty("oneenroll.it.messaging.url"));
        try (Browser browser = new Browser()) {
            // An anonymous visitor to a parent's page goes to the parents' sign-in, not the staff one.
            browser.open("/parent/cases.xhtml");
            Pages.awaitUrl(browser, "/parent/login.xhtml");
            assertTrue(browser.pageText().contains("获取验证码"), browser.pageText());
            browser.screenshot("parent-login");

            Pages.askForCode(browser, MOTHER);
            browser.waitForText(By.id("login:sent"), "验证码已发送至199****4011");
            String code = Pages.code(smsc, MOTHER, 1);

            // A second code within the minute is refused in Chinese, at the number.
            browser.open("/parent/login.xhtml");
            Pages.askForCode(browser, MOTHER);
            browser.waitForText(By.id("login:phoneMessage"), "秒后再重新获取");
            browser.screenshot("parent-login-too-soon");

            browser.find(By.id("login:code")).sendKeys(code);
            Pages.submit(browser);
            // Back where she was going: her cases.
            Pages.awaitUrl(browser, "/parent/cases.xhtml");
            // Her session cannot be used by another site's forms, nor read by scripts.
            Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
            assertEquals("Lax", session.getSameSite(), session.toString());
            assertTrue(session.isHttpOnly(), session.toString());
            assertFalse(session.isSecure(), "plain HTTP in the tests: oneenroll.secure-cookies is off");
            browser.waitForText(By.id("cases"), "620123-");
            assertTrue(browser.pageText().contains("已登录：199****4011"), browser.pageText());
            browser.screenshot("parent-cases");
            String number = browser.find(By.cssSelector("#cases .oe-case-number"))
                    .getText()
                    .strip();

            browser.find(By.cssSelector("#cases a.oe-case-link")).click();
            browser.waitForText(By.id("caseNumber"), number);
            browser.waitForText(By.id("next"), "下一步");
            String page = browser.pageText();
            assertTrue(page.contains("数据核验情况"), page);
            assertTrue(page.contains("户籍信息"), "the hukou check is listed: " + page);
            assertTrue(page.contains("办理记录") && page.contains("已提交"), page);
            assertTrue(page.contains("榆中县"), page);
            browser.screenshot("parent-case");

            HttpResponse<byte[]> receipt = Pages.receipt(browser, number);
            assertEquals(200, receipt.statusCode());
            assertEquals(
                    "application/pdf",
                    receipt.headers().firstValue("Content-Type").orElse(""));
            PdfReader pdf = new PdfReader(receipt.body());
            assertEquals(1, pdf.getNumberOfPages());
            assertTrue(
                    pdf.getInfo().get("Title").contains(number), pdf.getInfo().toString());
            pdf.close();

            // A neighbour signed in at the same time types her case number: nothing of it is shown or printed.
            try (Browser neighbour = new Browser()) {
                neighbour.open("/parent/login.xhtml");
                Pages.askForCode(neighbour, NEIGHBOUR);
                Pages.signIn(neighbour, Pages.code(smsc, NEIGHBOUR, 1));
                neighbour.waitForText(By.id("none"), "没有找到用本手机号报名的办件");
                neighbour.open("/parent/case.xhtml?number=" + number);
                neighbour.waitForText(By.id("messages"), "没有找到办件");
                String shown = neighbour.pageText();
                assertFalse(shown.contains("数据核验情况"), shown);
                assertFalse(shown.contains("办理记录"), shown);
                neighbour.screenshot("parent-not-theirs");
                assertEquals(404, Pages.receipt(neighbour, number).statusCode(), "no receipt of another's case");
            }

            // Parents are not staff.
            browser.open("/staff/review.xhtml");
            assertTrue(browser.pageText().contains("没有权限"), browser.pageText());

            browser.open("/parent/cases.xhtml");
            browser.find(By.id("parentBar:signOut")).click();
            Pages.awaitUrl(browser, "/parent/login.xhtml");
            browser.open("/parent/case.xhtml?number=" + number);
            Pages.awaitUrl(browser, "/parent/login.xhtml");
        }
    }

    @Test
    @Order(3)
    @RunAsClient
    void fiveWrongCodesKillTheCode() {
        MessagingAdmin smsc = new MessagingAdmin(System.getProperty("oneenroll.it.messaging.url"));
        try (Browser browser = new Browser()) {
            browser.open("/parent/login.xhtml");
            Pages.askForCode(browser, FORGETFUL);
            String code = Pages.code(smsc, FORGETFUL, 1);
            String wrong = code.equals("000000") ? "111111" : "000000";
            for (int left = 4; left >= 0; left--) {
                browser.find(By.id("login:code")).sendKeys(wrong);
                Pages.submit(browser);
                browser.waitForText(By.id("login:codeMessage"), left > 0 ? "还可以再试" + left + "次" : "该验证码已失效");
                assertEquals(FORGETFUL, browser.find(By.id("login:phone")).getAttribute("value"), "the number stays");
            }
            browser.screenshot("parent-login-dead");
            browser.find(By.id("login:code")).sendKeys(code);
            Pages.submit(browser);
            browser.waitForText(By.id("login:codeMessage"), "该验证码已失效");
            assertTrue(browser.driver().getCurrentUrl().contains("/parent/login.xhtml"), "not signed in");
        }
    }

    /**
     * A burst of code requests at the same moment, as a script would send them: from one address, no more go out
     * than the address's limit; for one number, one. Without the request gates each request counted the others'
     * rows as missing and a burst slipped past both limits.
     */
    @Test
    @Order(4)
    void aBurstOfCodeRequestsStopsAtTheLimits() throws Exception {
        LoginLimits limits = LoginLimits.fromSettings();
        String run = Long.toString(System.nanoTime() % 100_000_000L);
        String address = "burst-" + run;
        List<String> fromOneAddress = new ArrayList<>();
        for (int i = 0; i < limits.perAddressHour() + 10; i++) {
            fromOneAddress.add(String.format("197%08d", (Long.parseLong(run) + i * 7_919L) % 100_000_000L));
        }
        Map<String, Long> outcome = Bursts.run(
                executor,
                fromOneAddress.stream()
                        .map(n -> (Callable<String>) () -> codeFor(n, address))
                        .toList());
        assertEquals(
                Map.of("sent", (long) limits.perAddressHour(), "parent-login.address-hour", 10L),
                outcome,
                "one address, " + fromOneAddress.size() + " numbers at once");

        // five numbers in turn, each asked for from 8 addresses at once: a request that waited for another must
        // still count that one's code (a race a single burst may miss)
        for (int round = 0; round < 5; round++) {
            String number = String.format("196%08d", (Long.parseLong(run) + round * 104_729L) % 100_000_000L);
            List<Callable<String>> oneNumber = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String elsewhere = address + "-" + round + "-" + i;
                oneNumber.add(() -> codeFor(number, elsewhere));
            }
            Map<String, Long> forOneNumber = Bursts.run(executor, oneNumber);
            assertEquals(
                    Map.of("sent", 1L, "parent-login.too-soon", 7L),
                    forOneNumber,
                    "one number, 8 addresses at once, round " + (round + 1));
        }
    }

    private String codeFor(String number, String address) {
        try {
            logins.requestCode(PhoneNumber.of(number), address);
            return "sent";
        } catch (InvalidValueException refused) {
            return refused.messageKey();
        }
    }

    /**
     * What the tests do in the browser, on the client only: Selenium's classes are not in the deployment, so
     * nothing the server loads with the test class may name them.
     */
    static final class Pages {

        private static final Pattern CODE = Pattern.compile("验证码(\\d{6})");

        private Pages() {}

        static void awaitUrl(Browser browser, String path) {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.urlContains(path));
        }

        /** 登录, and the page it leaves gone: what is read next is the answer, not the page before. */
        static void submit(Browser browser) {
            org.openqa.selenium.WebElement form = browser.find(By.id("login"));
            browser.find(By.id("login:submit")).click();
            browser.awaitGone(form);
        }

        static void askForCode(Browser browser, String phone) {
            browser.find(By.id("login:phone")).clear();
            browser.find(By.id("login:phone")).sendKeys(phone);
            browser.find(By.id("login:send")).click();
        }

        /**
         * Opens the application page signed out, is sent to the sign-in, signs in with the first code the SMSC got for
         * {@code phone} and is back on the application page.
         */
        static void signInToApply(Browser browser, MessagingAdmin smsc, String phone) {
            browser.open("/parent/apply.xhtml");
            awaitUrl(browser, "/parent/login.xhtml");
            askForCode(browser, phone);
            browser.waitForText(By.id("login:sent"), "验证码已发送");
            browser.find(By.id("login:code")).sendKeys(code(smsc, phone, 1));
            submit(browser);
            awaitUrl(browser, "/parent/apply.xhtml");
        }

        static void signIn(Browser browser, String code) {
            browser.waitForText(By.id("login:sent"), "验证码已发送");
            browser.find(By.id("login:code")).sendKeys(code);
            submit(browser);
            awaitUrl(browser, "/parent/cases.xhtml");
        }

        /**
         * The code in the {@code nth} sign-in SMS the simulated SMSC accepted for {@code phone}, once it arrived (the
         * number also gets its case's own messages).
         */
        static String code(MessagingAdmin smsc, String phone, int nth) {
            List<String> codes = await().atMost(SMS_ARRIVES).until(() -> codes(smsc, phone), l -> l.size() >= nth);
            assertEquals(nth, codes.size(), "one SMS per code asked for: " + codes);
            return codes.get(nth - 1);
        }

        private static List<String> codes(MessagingAdmin smsc, String phone) {
            return smsc.smsTo(phone).stream()
                    .map(m -> CODE.matcher(m.getString("text")))
                    .filter(Matcher::find)
                    .map(m -> m.group(1))
                    .toList();
        }

        /** The receipt as this browser's session would download it. */
        static HttpResponse<byte[]> receipt(Browser browser, String number) throws IOException, InterruptedException {
            Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
            HttpRequest request = HttpRequest.newBuilder(URI.create(Browser.BASE + "/parent/receipt?number=" + number))
                    .header("Cookie", "JSESSIONID=" + session.getValue())
                    .timeout(Duration.ofSeconds(30))
                    .build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
    }
}
