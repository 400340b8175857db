package org.oneenroll.feedback.entity;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oneenroll.identity.control.PersonalDataCipher;
import org.oneenroll.identity.entity.LookupDigests;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.identity.entity.SealedPhoneConverter;
import org.oneenroll.identity.entity.SealedTextConverter;
import org.oneenroll.platform.control.Clocks;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * 咨询投诉: one consultation or complaint of a family, from receipt to answer. It guards its rules: what it must
 * carry when received (a subject, the family's words, a phone to call back, the 12345 ticket number of a transfer),
 * the order of its states (received, in hand, then answered with a reply or closed with a reason; both final), and
 * a step in its history for each. The phone, subject, text and reply are sealed at rest.
 */
@Entity
@Table(name = "concern")
@EntityListeners(LookupDigests.class)
@NamedQuery(
        name = Concern.ADDRESS_SINCE,
        query = "select c.receivedAt from Concern c where c.addressDigest = :digest and c.receivedAt > :since")
@NamedQuery(
        name = Concern.NUMBER_ONLINE_SINCE,
        query = "select c.receivedAt from Concern c where c.phoneDigest = :digest and c.receivedAt > :since"
                + " and c.channel = org.oneenroll.feedback.entity.ConcernChannel.ONLINE")
@NamedQuery(
        name = Concern.OF_NUMBER,
        query = "select c from Concern c where c.phoneDigest = :digest order by c.receivedAt desc, c.id desc")
public class Concern implements LookupDigests.Digested {

    public static final String ADDRESS_SINCE = "Concern.addressSince";
    public static final String NUMBER_ONLINE_SINCE = "Concern.numberOnlineSince";
    public static final String OF_NUMBER = "Concern.ofNumber";

    public static final int MAX_SUBJECT = 40;
    public static final int MIN_TEXT = 5;
    public static final int MAX_TEXT = 2000;
    public static final int MAX_REPLY = 1000;
    public static final int MAX_CLOSE_NOTE = 200;
    public static final int MAX_EXTERNAL_REF = 40;
    /** How far back staff may date a call they log (a 12345 transfer arrives days after the call). */
    public static final int MAX_DAYS_BACK = 30;
    /** The actor of a family's own submission in the history (the phone is on the item, never in the history). */
    public static final String FAMILY = "family";

    private static final Pattern REFERENCE = Pattern.compile("([ZT])(\\d{8,12})");
    private static final Pattern EXTERNAL_REF = Pattern.compile("[A-Za-z0-9-]{1," + MAX_EXTERNAL_REF + "}");

    @Id
    @SequenceGenerator(name = "concern_seq", sequenceName = "concern_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "concern_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ConcernKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ConcernChannel channel;

    @Column(name = "county_code", nullable = false, length = 6)
    private String county;

    @Column(name = "case_number", length = 24)
    private String caseNumber;

    @Convert(converter = SealedPhoneConverter.class)
    @Column(name = "phone_sealed", nullable = false)
    private PhoneNumber phone;

    @Column(name = "phone_digest", nullable = false)
    private byte[] phoneDigest;

    @Column(name = "address_digest", updatable = false)
    private byte[] addressDigest;

    @Convert(converter = SealedTextConverter.class)
    @Column(name = "subject_sealed", nullable = false)
    private String subject;

    @Convert(converter = SealedTextConverter.class)
    @Column(name = "text_sealed", nullable = false)
    private String text;

    @Column(name = "external_ref", length = MAX_EXTERNAL_REF)
    private String externalRef;

    @Column(name = "entered_by", length = 64)
    private String enteredBy;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ConcernState state;

    @Column(name = "state_changed_at", nullable = false)
    private Instant stateChangedAt;

    @Column(length = 64)
    private String handler;

    @Convert(converter = SealedTextConverter.class)
    @Column(name = "reply_sealed")
    private String reply;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @OneToMany(mappedBy = "concern", cascade = CascadeType.PERSIST)
    @OrderBy("occurredAt, id")
    private List<ConcernStep> steps = new ArrayList<>();

    @Version
    private long version;

    protected Concern() {}

    /**
     * An item received at {@code receivedAt}, due on {@code dueOn}, first step "received" by {@code actor}.
     *
     * @param caseNumber    the case it is about, already checked against {@code county}; or {@code null}
     * @param addressDigest the keyed digest of the client address of an online submission, else {@code null}
     * @param enteredBy     the staff member who logged it, {@code null} for the family's own submission
     * @throws InvalidValueException naming the field for a missing kind, subject or text, text out of bounds, a
     *                               12345 transfer without its ticket number, or a receipt time in the future or
     *                               more than {@value #MAX_DAYS_BACK} days back
     */
    public Concern(
            ConcernKind kind,
            ConcernChannel channel,
            String county,
            String caseNumber,
            PhoneNumber phone,
            byte[] addressDigest,
            String subject,
            String text,
            String externalRef,
            String enteredBy,
            Instant receivedAt,
            LocalDate dueOn,
            Instant now) {
        if (kind == null) {
            throw new InvalidValueException("kind", "feedback.kind-required");
        }
        if (channel == null) {
            throw new InvalidValueException("channel", "feedback.channel-required");
        }
        this.kind = kind;
        this.channel = channel;
        this.county = Objects.requireNonNull(county, "county");
        this.caseNumber = caseNumber;
        this.phone = Objects.requireNonNull(phone, "phone");
        this.addressDigest = addressDigest == null ? null : addressDigest.clone();
        this.subject = checkedSubject(subject);
        this.text = checkedText(text);
        this.externalRef = checkedExternalRef(channel, externalRef);
        this.enteredBy = enteredBy;
        this.receivedAt = checkedReceivedAt(receivedAt, now);
        this.dueOn = Objects.requireNonNull(dueOn, "dueOn");
        this.state = ConcernState.RECEIVED;
        this.stateChangedAt = now;
        steps.add(
                new ConcernStep(this, now, enteredBy == null ? FAMILY : enteredBy, null, ConcernState.RECEIVED, null));
    }

    @Override
    public void refreshDigests(PersonalDataCipher cipher) {
        phoneDigest = cipher.digest(phone.value());
    }

    /**
     * 开始办理: the caller takes the item in hand.
     *
     * @throws InvalidValueException (field {@code state}) unless the item was just received
     */
    public void start(String actor, Instant now) {
        move(ConcernState.IN_PROGRESS, actor, now, null);
        handler = actor;
    }

    /**
     * 答复: the reply to the family; an item still waiting is taken in hand on the way (both steps recorded).
     *
     * @throws InvalidValueException (field {@code reply}) for an empty or too long reply, (field {@code state}) for
     *                               an item already answered or closed
     */
    public void answer(String actor, String replyText, Instant now) {
        String r = required(replyText, "reply", "feedback.reply-required", MAX_REPLY, "feedback.reply-too-long");
        takeOnTheWay(actor, now);
        move(ConcernState.ANSWERED, actor, now, r);
        reply = r;
        handler = actor;
        answeredAt = now;
    }

    /**
     * 关闭: closes the item without an answer, saying why (a duplicate of another item, withdrawn by the family, no
     * way to reach them); an item still waiting is taken in hand on the way.
     *
     * @throws InvalidValueException (field {@code note}) for a missing or too long reason, (field {@code state}) for
     *                               an item already answered or closed
     */
    public void close(String actor, String note, Instant now) {
        String n =
                required(note, "note", "feedback.close-note-required", MAX_CLOSE_NOTE, "feedback.close-note-too-long");
        takeOnTheWay(actor, now);
        move(ConcernState.CLOSED, actor, now, n);
        handler = actor;
        closedAt = now;
    }

    /** Whether the item still waits for staff after its due date ({@code today} in China). */
    public boolean overdue(LocalDate today) {
        return state.open() && today.isAfter(dueOn);
    }

    /** Whether it was answered or closed after its due date. */
    public boolean finishedLate() {
        Instant done = answeredAt != null ? answeredAt : closedAt;
        return done != null && LocalDate.ofInstant(done, Clocks.SHANGHAI).isAfter(dueOn);
    }

    /** The number the family quotes: Z (咨询) or T (投诉) and eight digits, e.g. {@code T00000051}. */
    public String reference() {
        return reference(kind, id);
    }

    public static String reference(ConcernKind kind, long id) {
        return kind.letter() + String.format("%08d", id);
    }

    /** A reference read back: the kind its letter names and the item's id. */
    public record Reference(ConcernKind kind, long id) {}

    /**
     * A reference as typed (blanks and a lower-case letter accepted).
     *
     * @throws InvalidValueException (field {@code reference}) for anything else
     */
    public static Reference parseReference(String typed) {
        String t = typed == null ? "" : typed.strip().toUpperCase(java.util.Locale.ROOT);
        Matcher m = REFERENCE.matcher(t);
        if (!m.matches()) {
            throw new InvalidValueException("reference", "feedback.reference-format", t);
        }
        ConcernKind k = m.group(1).charAt(0) == ConcernKind.COMPLAINT.letter()
                ? ConcernKind.COMPLAINT
                : ConcernKind.CONSULTATION;
        return new Reference(k, Long.parseLong(m.group(2)));
    }

    private void takeOnTheWay(String actor, Instant now) {
        if (state == ConcernState.RECEIVED) {
            start(actor, now);
        }
    }

    private void move(ConcernState next, String actor, Instant now, String note) {
        if (!state.allows(next)) {
            throw new InvalidValueException(
                    "state",
                    state.open() ? "feedback.state-not-allowed" : "feedback.state-final",
                    state.label(),
                    next.label());
        }
        steps.add(new ConcernStep(this, now, actor, state, next, note));
        state = next;
        stateChangedAt = now;
    }

    static String checkedSubject(String typed) {
        return required(typed, "subject", "feedback.subject-required", MAX_SUBJECT, "feedback.subject-too-long");
    }

    static String checkedText(String typed) {
        String t = required(typed, "text", "feedback.text-required", MAX_TEXT, "feedback.text-too-long");
        if (t.codePointCount(0, t.length()) < MIN_TEXT) {
            throw new InvalidValueException("text", "feedback.text-too-short", MIN_TEXT);
        }
        return t;
    }

    static String checkedExternalRef(ConcernChannel channel, String typed) {
        String t = typed == null ? "" : typed.strip();
        if (t.isEmpty()) {
            if (channel == ConcernChannel.TRANSFER_12345) {
                throw new InvalidValueException("externalRef", "feedback.ticket-required");
            }
            return null;
        }
        if (!EXTERNAL_REF.matcher(t).matches()) {
            throw new InvalidValueException("externalRef", "feedback.ticket-format", MAX_EXTERNAL_REF);
        }
        return t;
    }

    static Instant checkedReceivedAt(Instant receivedAt, Instant now) {
        if (receivedAt == null) {
            return now;
        }
        if (receivedAt.isAfter(now)) {
            throw new InvalidValueException("receivedAt", "feedback.received-future");
        }
        if (receivedAt.isBefore(now.minus(java.time.Duration.ofDays(MAX_DAYS_BACK)))) {
            throw new InvalidValueException("receivedAt", "feedback.received-too-old", MAX_DAYS_BACK);
        }
        return receivedAt;
    }

    private static String required(String typed, String field, String missingKey, int max, String tooLongKey) {
        String t = typed == null ? "" : typed.strip();
        if (t.isEmpty()) {
            throw new InvalidValueException(field, missingKey);
        }
        if (t.codePointCount(0, t.length()) > max) {
            throw new InvalidValueException(field, tooLongKey, max);
        }
        return t;
    }

    public Long id() {
        return id;
    }

    public ConcernKind kind() {
        return kind;
    }

    public ConcernChannel channel() {
        return channel;
    }

    public String county() {
        return county;
    }

    public String caseNumber() {
        return caseNumber;
    }

    public PhoneNumber phone() {
        return phone;
    }

    public String subject() {
        return subject;
    }

    public String text() {
        return text;
    }

    /** The 12345 ticket number of a transfer (or any reference the caller gave), if any. */
    public String externalRef() {
        return externalRef;
    }

    public String enteredBy() {
        return enteredBy;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public ConcernState state() {
        return state;
    }

    public Instant stateChangedAt() {
        return stateChangedAt;
    }

    public String handler() {
        return handler;
    }

    public String reply() {
        return reply;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public List<ConcernStep> steps() {
        return List.copyOf(steps);
    }

    public long version() {
        return version;
    }
}
