package org.oneenroll.notification.control;

import java.time.ZoneId;
import org.oneenroll.platform.control.Settings;

/**
 * The SMS rules of this installation: quiet hours ({@code oneenroll.sms.quiet-hours}, default 21:00-08:00 China
 * time, {@code none} to send at any hour) and the per-number limits ({@code oneenroll.sms.per-hour}, default 5,
 * {@code oneenroll.sms.per-day}, default 10).
 */
public final class MessagingSettings {

    private MessagingSettings() {}

    public static QuietHours quietHours() {
        return Settings.value("oneenroll.sms.quiet-hours")
                .map(v -> QuietHours.parse(v, ZoneId.of("Asia/Shanghai")))
                .orElse(QuietHours.DEFAULT);
    }

    public static NumberRateLimit rateLimit() {
        int perHour = Settings.value("oneenroll.sms.per-hour")
                .map(Integer::parseInt)
                .orElse(NumberRateLimit.DEFAULT.perHour());
        int perDay =
                Settings.value("oneenroll.sms.per-day").map(Integer::parseInt).orElse(NumberRateLimit.DEFAULT.perDay());
        return new NumberRateLimit(perHour, Math.max(perHour, perDay));
    }
}
