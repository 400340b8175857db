package org.oneenroll.notification.gateway;

import java.net.URI;
import java.time.Duration;
import org.oneenroll.platform.control.Settings;

/**
 * Where the SMS gateway and the provincial platform are, from system properties or {@code ONEENROLL_*}
 * environment variables; credentials belong in the server's environment, never in the repository.
 *
 * <table>
 * <caption>Settings</caption>
 * <tr><th>property</th><th>meaning</th><th>default</th></tr>
 * <tr><td>oneenroll.sms.gateway</td><td>{@code smpp} or {@code http}</td><td>smpp</td></tr>
 * <tr><td>oneenroll.sms.smpp.host, .port</td><td>the SMSC</td><td>127.0.0.1, 2775</td></tr>
 * <tr><td>oneenroll.sms.smpp.system-id, .password</td><td>bind credentials</td><td>oneenroll, smsdemo</td></tr>
 * <tr><td>oneenroll.sms.smpp.source</td><td>the sender number (source_addr)</td><td>10690123</td></tr>
 * <tr><td>oneenroll.sms.http.url, .app-key</td><td>the HTTP SMS provider</td><td>http://127.0.0.1:8182,
 * oneenroll-demo-key</td></tr>
 * <tr><td>oneenroll.provincial.url, .app-key</td><td>the provincial service platform</td><td>http://127.0.0.1:8182,
 * oneenroll-demo-key</td></tr>
 * <tr><td>oneenroll.sms.timeout-ms</td><td>connect, bind and per-message timeout of both</td><td>5000</td></tr>
 * </table>
 */
public record GatewaySettings(
        String gateway,
        String smppHost,
        int smppPort,
        String systemId,
        String password,
        String source,
        URI httpUrl,
        String httpAppKey,
        URI provincialUrl,
        String provincialAppKey,
        Duration timeout) {

    public static GatewaySettings fromEnvironment() {
        return new GatewaySettings(
                Settings.value("oneenroll.sms.gateway").orElse("smpp"),
                Settings.value("oneenroll.sms.smpp.host").orElse("127.0.0.1"),
                Integer.parseInt(Settings.value("oneenroll.sms.smpp.port").orElse("2775")),
                Settings.value("oneenroll.sms.smpp.system-id").orElse("oneenroll"),
                Settings.value("oneenroll.sms.smpp.password").orElse("smsdemo"),
                Settings.value("oneenroll.sms.smpp.source").orElse("10690123"),
                URI.create(Settings.value("oneenroll.sms.http.url").orElse("http://127.0.0.1:8182")),
                Settings.value("oneenroll.sms.http.app-key").orElse("oneenroll-demo-key"),
                URI.create(Settings.value("oneenroll.provincial.url").orElse("http://127.0.0.1:8182")),
                Settings.value("oneenroll.provincial.app-key").orElse("oneenroll-demo-key"),
                Duration.ofMillis(Long.parseLong(
                        Settings.value("oneenroll.sms.timeout-ms").orElse("5000"))));
    }
}
