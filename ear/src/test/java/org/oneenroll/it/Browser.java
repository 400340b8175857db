package org.oneenroll.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (the system's, Debian packages {@code chromium} and {@code chromium-driver}) for
 * browser tests, on the client side of the tests ({@code @RunAsClient}). Screenshots go to
 * {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {

    static final String BASE = "http://127.0.0.1:8080";
    static final String PASSWORD = "yuzhong2027";

    private final WebDriver driver;
    private final WebDriverWait wait;

    public Browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(first("/usr/bin/chromium", "/usr/bin/chromium-browser"));
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=zh-CN");
        // What a parent's or an officer's browser in China asks for (headless Chromium asks for English).
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(first("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")))
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    private static String first(String... candidates) {
        for (String c : candidates) {
            if (new File(c).canExecute()) {
                return c;
            }
        }
        throw new IllegalStateException("not installed: " + String.join(" or ", candidates));
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(BASE + path);
    }

    /** Signs in on the staff sign-in page and waits for the staff start page. */
    public void signIn(String username) {
        open("/login.xhtml");
        find(By.id("login:username")).sendKeys(username);
        find(By.id("login:password")).sendKeys(PASSWORD);
        find(By.id("login:submit")).click();
        wait.until(ExpectedConditions.urlContains("/staff/"));
    }

    public WebElement find(By by) {
        try {
            return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw kept(e);
        }
    }

    public void waitForText(By by, String text) {
        try {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw kept(e);
        }
    }

    /** Waits up to {@code seconds} for {@code condition}; on a timeout keeps the page like the other waits. */
    public <T> T await(int seconds, java.util.function.Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw kept(e);
        }
    }

    /** Accepts the page's confirmation dialog (window.confirm) once it is open, after checking it asks {@code asks}. */
    public void acceptConfirm(String asks) {
        org.openqa.selenium.Alert alert =
                await(10, d -> org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent()
                        .apply(d));
        String text = alert.getText();
        if (!text.contains(asks)) {
            alert.dismiss();
            throw new AssertionError("the dialog asks \"" + text + "\", not \"" + asks + "\"");
        }
        alert.accept();
    }

    /**
     * What sticks out sideways, if the page is wider than the window: the first elements past the right edge, or
     * empty when nothing makes the page scroll sideways.
     */
    public java.util.Optional<String> overflow() {
        String found = String.valueOf(
                ((org.openqa.selenium.JavascriptExecutor) driver)
                        .executeScript(
                                "var w = document.documentElement.clientWidth;"
                                        + "if (document.documentElement.scrollWidth <= w) return '';"
                                        + "var out = [];"
                                        + "document.querySelectorAll('body *').forEach(function (e) {"
                                        + "  var r = e.getBoundingClientRect();"
                                        + "  if (r.right > w + 1 && out.length < 5) out.push(e.tagName + '.' + e.className + ' right=' + r.right);"
                                        + "});"
                                        + "return 'scrollWidth ' + document.documentElement.scrollWidth + ' > ' + w + ' ' + out.join(', ');"));
        return found.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(found);
    }

    /**
     * The viewport of a phone ({@code 375, 812, 1, true}), or of a desktop window at 200% zoom ({@code 640, 450, 2,
     * false}), as Chromium's device emulation gives it.
     */
    public void emulate(int width, int height, int scale, boolean mobile) {
        ((org.openqa.selenium.chrome.ChromeDriver) driver)
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        java.util.Map.of(
                                "width", width, "height", height, "deviceScaleFactor", scale, "mobile", mobile));
    }

    /**
     * Waits until {@code element} has left the page (the page or the ajax update replaced it). Chromium sometimes
     * reports a replaced node as "does not belong to the document" rather than as stale: both count as gone.
     */
    public void awaitGone(WebElement element) {
        await(30, d -> {
            try {
                element.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    /** Waits until PrimeFaces has no ajax request queued or in flight (a field's save on leaving it, say). */
    public void awaitAjax() {
        await(
                30,
                d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                        .executeScript("return !window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty();")));
    }

    /** What the browser showed when a wait failed: a screenshot and the page's source beside the others. */
    private RuntimeException kept(RuntimeException failure) {
        String name = "failed-" + System.currentTimeMillis();
        try {
            screenshot(name);
            Files.writeString(
                    Path.of("target", "screenshots", name + ".html"),
                    driver.getPageSource(),
                    java.nio.charset.StandardCharsets.UTF_8);
            failure.addSuppressed(new IllegalStateException("the page is kept as target/screenshots/" + name));
        } catch (RuntimeException | IOException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }

    /**
     * Sets {@code value} in the PrimeFaces select-one menu {@code id} through its widget, silently: no change event,
     * so no ajax behaviour runs (the form's next submit carries the value).
     */
    public void selectOne(String id, String value) {
        find(By.id(id));
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("PrimeFaces.getWidgetById(arguments[0]).selectValue(arguments[1]);", id, value);
    }

    /**
     * Chooses {@code value} in the PrimeFaces select-one menu {@code id} as a click on the item would: the value is
     * set and the change fires, so the menu's ajax behaviour (saving, updating a dependent menu) runs.
     */
    public void chooseOne(String id, String value) {
        find(By.id(id));
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript(
                        "var w = PrimeFaces.getWidgetById(arguments[0]); w.selectValue(arguments[1]);"
                                + " w.input.trigger('change');",
                        id,
                        value);
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Saves a screenshot as {@code target/screenshots/<name>.png}. */
    public void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.copy(
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                    dir.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot save the screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
