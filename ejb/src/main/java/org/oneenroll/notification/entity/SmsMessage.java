package org.oneenroll.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
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
 * and rate limit), the text (sealed: it names the child), and how far it got. The sending path writes and updates
 * these rows with JDBC batches ({@code SmsOutbox}); as an entity it serves the history screen and the replay.
 */
@Entity
@Table(name = "sms_message")
@EntityListeners(LookupDigests.class)
@NamedQuery(name = SmsMessage.BY_KEY, query = "select m from SmsMessage m where m.key = :key")
@NamedQuery(name = SmsMessage.BY_IDS, query = "select m from SmsMessage m where m.id in :ids")
public class SmsMessage implements LookupDigests.Digested {

    public static final String BY_KEY = "SmsMessage.byKey";
    public static final String BY_IDS = "SmsMessage.byIds";

    // Rows are written by SmsOutbox (JDBC batches), which hands out the ids from sms_seq.
    @Id
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

    /** Back in the queue after a replay. */
    public void requeued() {
        status = SmsStatus.QUEUED;
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
