package org.oneenroll.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oneenroll.review.perf.ReviewQueueBenchmark;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The review queue screen at a million cases (not a test: it asserts nothing and runs only with {@code -Pbenchmark}):
 * the test server's database gets 1,000,000 generated cases (30 % in the demo county), then a county reviewer's
 * browser asks for the queue's first page, a filtered page and that filter's next page, many times each. Each
 * figure is the server side of one request as the browser's resource timing sees it (request sent to response
 * end, on the same machine): the server's query, Hibernate, the scope checks and JSF rendering of the page or of
 * the ajax answer, with no browser rendering in it.
 */
@ExtendWith(ArquillianExtension.class)
class ReviewQueuePageBenchmark {

    static final int CASES = Integer.getInteger("oneenroll.bench.cases", 1_000_000);
    static final int ROUNDS = Integer.getInteger("oneenroll.bench.rounds", 100);
    static final int WARM_UP = 10;

    /** The navigation's or the last ajax request's time from request to response end, in ms. */
    static final String NAVIGATION =
            "const n = performance.getEntriesByType('navigation')[0]; return n.responseEnd - n.requestStart;";

    static final String LAST_AJAX = "const r = performance.getEntriesByType('resource')"
            + ".filter(e => e.initiatorType === 'xmlhttprequest');"
            + " return r.length === 0 ? -1 : r[r.length - 1].responseEnd - r[r.length - 1].requestStart;";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.oneEnroll();
    }

    @Test
    @RunAsClient
    void reviewQueuePagesAtAMillionCases() throws Exception {
        long total;
        try (Connection db = DriverManager.getConnection(
                System.getProperty("it.db.url"),
                System.getProperty("it.db.user", "postgres"),
                System.getProperty("it.db.password", "postgres"))) {
            ReviewQueueBenchmark.copyCases(db, CASES);
            try (Statement s = db.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from oneenroll.enrollment_case")) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        Map<String, String> figures = new java.util.LinkedHashMap<>();
        try (Browser browser = new Browser()) {
            browser.signIn("county.reviewer");
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();

            List<Double> first = measure(() -> {
                browser.open("/staff/review.xhtml");
                browser.find(By.cssSelector("#queue\\:cases_data tr a.oe-case-link"));
                return number(js.executeScript(NAVIGATION));
            });

            String unfiltered = browser.find(By.id("filters:counts")).getText();
            browser.selectOne("filters:stage", "PRIMARY");
            browser.selectOne("filters:failedSource", "SOCIAL_INSURANCE");
            ajax(browser, js, By.id("filters:search"));
            if (browser.find(By.id("filters:counts")).getText().equals(unfiltered)) {
                throw new IllegalStateException("the filter did not change the counts: " + unfiltered);
            }
            List<Double> filtered = measure(() -> ajax(browser, js, By.id("filters:search")));
            List<Double> next = new ArrayList<>();
            for (int i = 0; i < WARM_UP + ROUNDS; i++) {
                // back to the filter's first page (counted again), then its next page (counts kept)
                ajax(browser, js, By.id("filters:search"));
                double ms = ajax(browser, js, By.cssSelector("#queue\\:cases .ui-paginator-next"));
                if (i >= WARM_UP) {
                    next.add(ms);
                }
            }
            browser.screenshot("review-queue-million");

            figures.put("review queue p95 ms", String.format(Locale.ROOT, "%.0f", p(first, 0.95)));
            figures.put("review queue filtered p95 ms", String.format(Locale.ROOT, "%.0f", p(filtered, 0.95)));
            figures.put("review queue filtered next page p95 ms", String.format(Locale.ROOT, "%.0f", p(next, 0.95)));
            figures.put("review queue p50 ms", String.format(Locale.ROOT, "%.0f", p(first, 0.5)));
            figures.put("review queue filtered p50 ms", String.format(Locale.ROOT, "%.0f", p(filtered, 0.5)));
            figures.put("review queue filtered next page p50 ms", String.format(Locale.ROOT, "%.0f", p(next, 0.5)));
        }
        StringBuilder report = new StringBuilder("Review queue page benchmark " + LocalDate.now() + ", " + total
                + " cases in the database, " + ROUNDS + " requests per figure after " + WARM_UP + "\n");
        figures.forEach((k, v) -> report.append(k).append(": ").append(v).append('\n'));
        System.out.println(report);
        Files.writeString(
                Path.of(System.getProperty("oneenroll.bench.review.out", "/tmp/review-queue-benchmark.txt")),
                report,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Clicks {@code by} and waits until the table it refreshes is replaced; the ajax request's time. */
    private static double ajax(Browser browser, JavascriptExecutor js, By by) {
        WebElement row = browser.find(By.cssSelector("#queue\\:cases_data tr"));
        js.executeScript("performance.clearResourceTimings();");
        browser.find(by).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(row));
        browser.find(By.cssSelector("#queue\\:cases_data tr a.oe-case-link"));
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> {
            double ms = number(js.executeScript(LAST_AJAX));
            return ms >= 0 ? ms : null;
        });
    }

    private static List<Double> measure(Supplier<Double> request) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < WARM_UP + ROUNDS; i++) {
            double ms = request.get();
            if (i >= WARM_UP) {
                times.add(ms);
            }
        }
        return times;
    }

    private static double number(Object fromScript) {
        return ((Number) fromScript).doubleValue();
    }

    private static double p(List<Double> values, double quantile) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }
}
