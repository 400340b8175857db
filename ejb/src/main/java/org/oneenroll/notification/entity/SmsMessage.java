package org.oneenroll.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.oneenroll.identity.control.PersonalDataCipher;
import org.oneenroll.identity.entity.LookupDigests;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.identity.entity.SealedPhoneConverter;
import org.oneenroll.identity.entity.SealedTextConverter;

/**
 * One SMS for one business event (its idempotency key): to whom (sealed, with a digest for the number's history
 * and rate limit), the text (sealed: it names the child), and how far it got.
 */
@Entity
@Table(name = "sms_message")
@EntityListeners(LookupDigests.class)
@NamedQuery(name = SmsMessage.BY_KEY, query = "select m from SmsMessage m where m.key = :key")
@NamedQuery(name = SmsMessage.BY_KEYS, query = "select m from SmsMessage m where m.key in :keys")
@NamedQuery(name = SmsMessage.BY_IDS, query = "select m from SmsMessage m where m.id in :ids")
@NamedQuery(
        name = SmsMessage.AWAITING_RECEIPT,
        query = "select m.id, m.gatewayId from SmsMessage m where m.gateway = :gateway and m.gatewayId in :ids"
                + " and m.status = :submitted order by m.submittedAt desc")
// A delivery receipt: written in bulk by SmsDispatch.receipts, for the batch of messages it names.
@NamedQuery(
        name = SmsMessage.RECEIPT,
        query = "update SmsMessage m set m.status = :status, m.deliveredAt = :at, m.version = m.version + 1"
                + " where m.id in :ids and m.status = :submitted")
@NamedQuery(
        name = SmsMessage.SENT_TO_ANY_SINCE,
        query = "select m.phoneDigest, m.submittedAt from SmsMessage m"
                + " where m.phoneDigest in :digests and m.submittedAt > :since"
                + " and m.template <> org.oneenroll.notification.entity.SmsTemplate.LOGIN_CODE")
public class SmsMessage implements LookupDigests.Digested {

    public static final String BY_KEY = "SmsMessage.byKey";
    public static final String BY_KEYS = "SmsMessage.byKeys";
    public static final String BY_IDS = "SmsMessage.byIds";
    public static final String AWAITING_RECEIPT = "SmsMessage.awaitingReceipt";
    public static final String RECEIPT = "SmsMessage.receipt";
    public static final String SENT_TO_ANY_SINCE = "SmsMessage.sentToAnySince";

    @Id
    @SequenceGenerator(name = "sms_seq", sequenceName = "sms_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sms_seq")
    private Long id;

    @Column(name = "idempotency_key", nullable = false, unique = true, length = 100)
    private String key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private SmsTemplate template;

    @Column(nullable = false)
    private boolean urgent;

    // Never rewritten: a status change would otherwise seal the number and the text again, for nothing.
    @Convert(converter = SealedPhoneConverter.class)
    @Column(name = "phone_sealed", nullable = false, updatable = false)
    private PhoneNumber phone;

    @Column(name = "phone_digest", nullable = false, updatable = false)
    private byte[] phoneDigest;

    @Column(name = "phone_masked", nullable = false, length = 11, updatable = false)
    private String phoneMasked;

    @Convert(converter = SealedTextConverter.class)
    @Column(name = "text_sealed", nullable = false, updatable = false)
    private String text;

    @Column(nullable = false)
    private int segments;

    @Column(name = "case_number", length = 24)
    private String caseNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private SmsStatus status = SmsStatus.QUEUED;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "not_before")
    private Instant notBefore;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(length = 8)
    private String gateway;

    @Column(name = "gateway_id", length = 64)
    private String gatewayId;

    @Column(name = "last_error", length = 200)
    private String lastError;

    @Version
    private long version;

    protected SmsMessage() {}

    public SmsMessage(
            String key,
            SmsTemplate template,
            PhoneNumber phone,
            String text,
            int segments,
            String caseNumber,
            Instant createdAt) {
        if (key == null || key.isBlank() || key.length() > 100) {
            throw new IllegalArgumentException("an idempotency key of 1 to 100 characters is required");
        }
        this.key = key;
        this.template = template;
        this.urgent = template.urgent();
        this.phone = phone;
        this.phoneMasked = phone.masked();
        this.text = text;
        this.segments = segments;
        this.caseNumber = caseNumber;
        this.createdAt = createdAt;
    }

    @Override
    public void refreshDigests(PersonalDataCipher cipher) {
        if (phoneDigest == null) {
            phoneDigest = cipher.digest(phone.value());
        }
    }

    /** Whether the gateway already has it: a redelivered queue message must not send it again. */
    public boolean handedOver() {
        return status == SmsStatus.SUBMITTED || status == SmsStatus.DELIVERED || status == SmsStatus.UNDELIVERABLE;
    }

    public void hold(Instant until, String why) {
        status = SmsStatus.HELD;
        notBefore = until;
        lastError = cut(why);
    }

    /** An attempt at the gateway is starting. */
    public void attempt() {
        attempts++;
    }

    public void submitted(String gatewayName, String id, Instant at) {
        status = SmsStatus.SUBMITTED;
        gateway = gatewayName;
        gatewayId = id;
        submittedAt = at;
        notBefore = null;
        lastError = null;
    }

    public void failed(String error) {
        lastError = cut(error);
    }

    public void dead(String error) {
        status = SmsStatus.DEAD;
        lastError = cut(error);
    }

    /** Back in the queue after a replay. */
    public void requeued() {
        status = SmsStatus.QUEUED;
    }

    private static String cut(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 200);
    }

    public Long id() {
        return id;
    }

    public String key() {
        return key;
    }

    public SmsTemplate template() {
        return template;
    }

    public boolean urgent() {
        return urgent;
    }

    public PhoneNumber phone() {
        return phone;
    }

    public String phoneMasked() {
        return phoneMasked;
    }

    public String text() {
        return text;
    }

    public int segments() {
        return segments;
    }

    public String caseNumber() {
        return caseNumber;
    }

    public SmsStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant notBefore() {
        return notBefore;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }

    public String gateway() {
        return gateway;
    }

    public String gatewayId() {
        return gatewayId;
    }

    public String lastError() {
        return lastError;
    }
}
