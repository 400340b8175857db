package org.oneenroll.web.notification;

import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.oneenroll.notification.entity.SmsMessage;
import org.oneenroll.platform.control.Clocks;

/** One SMS as the operations screen shows it (a bean, for EL): the number masked, never the text's personal data. */
public class SmsRow implements Serializable {

    private static final long serialVersionUID = 1L;
    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(Clocks.SHANGHAI);

    private final long id;
    private final String createdAt;
    private final String phone;
    private final String template;
    private final int segments;
    private final String status;
    private final String caseNumber;
    private final int attempts;
    private final String submittedAt;
    private final String deliveredAt;
    private final String heldUntil;
    private final String lastError;

    SmsRow(SmsMessage m) {
        this.id = m.id();
        this.createdAt = time(m.createdAt());
        this.phone = m.phoneMasked();
        this.template = m.template().name();
        this.segments = m.segments();
        this.status = m.status().name();
        this.caseNumber = m.caseNumber();
        this.attempts = m.attempts();
        this.submittedAt = time(m.submittedAt());
        this.deliveredAt = time(m.deliveredAt());
        this.heldUntil = time(m.notBefore());
        this.lastError = m.lastError();
    }

    static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    public long getId() {
        return id;
    }

    public String getCreatedAt() {
        return createdAt;
    }

    public String getPhone() {
        return phone;
    }

    public String getTemplate() {
        return template;
    }

    public int getSegments() {
        return segments;
    }

    public String getStatus() {
        return status;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getSubmittedAt() {
        return submittedAt;
    }

    public String getDeliveredAt() {
        return deliveredAt;
    }

    public String getHeldUntil() {
        return heldUntil;
    }

    public String getLastError() {
        return lastError;
    }
}
