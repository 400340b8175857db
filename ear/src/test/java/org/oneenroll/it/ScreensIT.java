package org.oneenroll.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a browser gets over HTTP: the public home page, the health check, and a staff sign-in. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScreensIT {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.oneEnroll();
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @Test
    void theHomePageShowsThePublishedPlanInChineseWithoutASession() throws Exception {
        HttpResponse<String> home = get("");
        assertEquals(200, home.statusCode());
        String body = home.body();
        assertTrue(body.contains("甘肃省 兰州市 榆中县"), "county name");
        assertTrue(body.contains("义务教育招生计划"), "heading from the zh bundle");
        assertTrue(body.contains("小学一年级") && body.contains("初中一年级"), "both stages");
        assertTrue(body.contains("房户一致"), "category order");
        assertTrue(
                body.contains("jakarta.faces.resource/components.js") || body.contains("primefaces"),
                "PrimeFaces content");
        assertTrue(
                home.headers().allValues("set-cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")),
                "a parent's visit creates no session");
    }

    @Test
    void healthSaysUp() throws Exception {
        HttpResponse<String> health = get("api/health");
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
    }

    @Test
    void staffScreensAskForASignInAndAWrongPasswordIsToldInChinese() throws Exception {
        HttpResponse<String> login = get("staff/index.xhtml");
        assertTrue(login.body().contains("工作人员登录"), "sent to the login page");
        HttpResponse<String> wrong = signIn(login.body(), "county.admin", "not-the-password1");
        assertTrue(wrong.body().contains("用户名或密码不正确"), "says why");
        HttpResponse<String> staffHome = signIn(wrong.body(), "county.admin", "yuzhong2027");
        assertEquals(200, staffHome.statusCode());
        assertTrue(staffHome.body().contains("招生办 张主任"), "signed in as the demo county admin");
        assertTrue(staffHome.body().contains("县级招生管理员"), "role shown in Chinese");

        Matcher m = VIEW_STATE.matcher(staffHome.body());
        assertTrue(m.find(), "the staff page has a sign-out form");
        HttpResponse<String> out = post(
                "staff/index.xhtml", "signout=signout&signout%3AsignOut=&jakarta.faces.ViewState=" + enc(m.group(1)));
        assertTrue(out.body().contains("义务教育招生计划"), "back on the public home page");
        assertTrue(get("staff/index.xhtml").body().contains("工作人员登录"), "signed out: staff pages ask again");
    }

    @Test
    void anEmptySignInIsRefusedAtTheFieldsInChinese() throws Exception {
        Matcher m = VIEW_STATE.matcher(get("login.xhtml").body());
        assertTrue(m.find());
        HttpResponse<String> empty = post(
                "login.xhtml",
                "login=login&login%3Ausername=&login%3Apassword=&login%3Asubmit=" + "&jakarta.faces.ViewState="
                        + enc(m.group(1)));
        assertTrue(
                empty.body().contains("请输入用户名") && empty.body().contains("请输入密码"), "both fields say what is missing");
    }

    private HttpResponse<String> signIn(String loginPage, String user, String password) throws Exception {
        Matcher m = VIEW_STATE.matcher(loginPage);
        assertTrue(m.find(), "login page has a view state");
        return post(
                "login.xhtml",
                "login=login&login%3Ausername=" + enc(user) + "&login%3Apassword=" + enc(password)
                        + "&login%3Asubmit=&jakarta.faces.ViewState=" + enc(m.group(1)));
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept-Language", "zh-CN")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Accept-Language", "zh-CN")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
