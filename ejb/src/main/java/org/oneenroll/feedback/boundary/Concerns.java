package org.oneenroll.feedback.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.oneenroll.audit.boundary.AuditTrail;
import org.oneenroll.audit.entity.AuditAction;
import org.oneenroll.feedback.control.ConcernLimits;
import org.oneenroll.feedback.control.ConcernQueries;
import org.oneenroll.feedback.control.WorkingDays;
import org.oneenroll.feedback.entity.Concern;
import org.oneenroll.feedback.entity.ConcernChannel;
import org.oneenroll.feedback.entity.ConcernDetail;
import org.oneenroll.feedback.entity.ConcernFilter;
import org.oneenroll.feedback.entity.ConcernForm;
import org.oneenroll.feedback.entity.ConcernKind;
import org.oneenroll.feedback.entity.ConcernNotice;
import org.oneenroll.feedback.entity.ConcernPage;
import org.oneenroll.feedback.entity.ConcernReceipt;
import org.oneenroll.feedback.entity.ConcernRow;
import org.oneenroll.feedback.entity.ConcernScope;
import org.oneenroll.feedback.entity.ConcernState;
import org.oneenroll.feedback.entity.ConcernStep;
import org.oneenroll.feedback.entity.ConcernSummary;
import org.oneenroll.identity.boundary.ParentLogins;
import org.oneenroll.identity.boundary.Regions;
import org.oneenroll.identity.boundary.StaffAccounts;
import org.oneenroll.identity.control.PersonalDataCipher;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.identity.entity.RegionLevel;
import org.oneenroll.identity.entity.StaffAccount;
import org.oneenroll.identity.entity.StaffRole;
import org.oneenroll.intake.boundary.Cases;
import org.oneenroll.intake.entity.CaseNumber;
import org.oneenroll.intake.entity.EnrollmentCase;
import org.oneenroll.platform.control.Clocks;
import org.oneenroll.platform.control.Messages;
import org.oneenroll.platform.control.RequestGates;
import org.oneenroll.platform.control.Settings;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * 咨询投诉: families submit consultations and complaints (on the public contact page without signing in, within
 * per-address and per-number limits; or signed in, about one of their cases) and read the replies; county staff log
 * the ones that come by phone, as 12345 transfers or at the counter, and take each in hand, answer or close it;
 * supervisors read their region's items and counts. Every staff call is bounded by the caller's
 * {@link ConcernScope}, from their account: an item outside it reads exactly like one that does not exist. Opening
 * an item and showing its full phone number are recorded in the audit trail.
 */
@Stateless
@DeclareRoles({
    ParentLogins.ROLE,
    StaffRole.Names.PROVINCE_SUPERVISOR,
    StaffRole.Names.CITY_SUPERVISOR,
    StaffRole.Names.COUNTY_ADMIN,
    StaffRole.Names.COUNTY_REVIEWER
})
@RolesAllowed({
    StaffRole.Names.PROVINCE_SUPERVISOR,
    StaffRole.Names.CITY_SUPERVISOR,
    StaffRole.Names.COUNTY_ADMIN,
    StaffRole.Names.COUNTY_REVIEWER
})
public class Concerns {

    private static final Logger LOG = Logger.getLogger(Concerns.class.getName());

    /** Working days a complaint and a consultation are due in: settings, else 5 and 3. */
    static final String COMPLAINT_DAYS = "oneenroll.feedback.complaint-days";

    static final String CONSULTATION_DAYS = "oneenroll.feedback.consultation-days";
    public static final int MAX_PAGE = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    Cases cases;

    @Inject
    StaffAccounts staff;

    @Inject
    Regions regions;

    @Inject
    AuditTrail audit;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    /**
     * A family's consultation or complaint from the public contact page, no sign-in needed. It goes to the county the
     * named case belongs to, else to this installation's county ({@code oneenroll.region}).
     *
     * @param clientAddress the network address the request came from, for the per-address limit
     * @throws InvalidValueException naming the field: a malformed phone or case number, a case the county does not
     *                               have, a missing or too long subject or text, or a limit reached
     */
    @PermitAll
    public ConcernReceipt submit(ConcernForm form, String clientAddress) {
        PhoneNumber phone = PhoneNumber.of(form.phone());
        Optional<String> caseNumber = caseNumberOf(form.caseNumber());
        RegionCode home = RegionCode.of(settings.homeRegion());
        if (caseNumber.isEmpty() && home.level() != RegionLevel.COUNTY) {
            // A city or province installation learns the county from the case: without one, nobody would answer.
            throw new InvalidValueException("caseNumber", "feedback.case-needed");
        }
        String county =
                caseNumber.map(n -> CaseNumber.parse(n).county().value()).orElse(home.value());
        if (!home.contains(RegionCode.of(county))) {
            // A case of a county this installation does not serve reads like one that does not exist.
            throw new InvalidValueException("caseNumber", "feedback.case-unknown", caseNumber.orElse(""));
        }
        caseNumber.ifPresent(n -> requireCaseOf(n, county));
        return receiveOnline(
                form.kind(), county, caseNumber.orElse(null), phone, form.subject(), form.text(), clientAddress);
    }

    /**
     * A signed-in parent's consultation or complaint about one of their cases: the phone is theirs, the county the
     * case's.
     *
     * @throws InvalidValueException for a case that is not the caller's (the same answer as a number that does not
     *                               exist), a missing or too long subject or text, or a limit reached
     */
    @RolesAllowed(ParentLogins.ROLE)
    public ConcernReceipt submitAboutCase(
            String caseNumber, ConcernKind kind, String subject, String text, String clientAddress) {
        PhoneNumber phone = callerPhone();
        String number = CaseNumber.parse(caseNumber).toString();
        EnrollmentCase c = cases.find(number)
                .filter(x -> phone.equals(x.contactPhone()))
                .orElseThrow(() -> {
                    LOG.warning(() -> "Refused parent " + phone.masked() + " a concern about " + number
                            + ": not theirs, or no such case");
                    return new InvalidValueException("caseNumber", "case.unknown", number);
                });
        return receiveOnline(kind, c.county().value(), c.caseNumber(), phone, subject, text, clientAddress);
    }

    /** The signed-in parent's own items (by their phone), newest first, with the county's replies. */
    @RolesAllowed(ParentLogins.ROLE)
    public List<ConcernNotice> mine() {
        return em.createNamedQuery(Concern.OF_NUMBER, Concern.class)
                .setParameter("digest", cipher.digest(callerPhone().value()))
                .getResultStream()
                .map(c -> new ConcernNotice(
                        c.reference(),
                        c.kind().label(),
                        c.subject(),
                        c.caseNumber(),
                        c.receivedAt(),
                        c.dueOn(),
                        c.state(),
                        c.state().label(),
                        c.reply(),
                        c.answeredAt()))
                .toList();
    }

    /**
     * 登记: county staff log a call to the hotline, a 12345 transfer (with its ticket number) or a visit, in their
     * own county, dated when it came in (up to {@value Concern#MAX_DAYS_BACK} days back).
     *
     * @throws InvalidValueException naming the field, as for {@link #submit}, or for an online channel
     */
    @RolesAllowed({StaffRole.Names.COUNTY_ADMIN, StaffRole.Names.COUNTY_REVIEWER})
    public ConcernReceipt log(ConcernForm form) {
        ConcernScope scope = scope(ConcernScope.Purpose.HANDLE);
        if (form.channel() == null || !form.channel().loggedByStaff()) {
            throw new InvalidValueException("channel", "feedback.channel-required");
        }
        PhoneNumber phone = PhoneNumber.of(form.phone());
        Optional<String> caseNumber = caseNumberOf(form.caseNumber());
        caseNumber.ifPresent(n -> requireCaseOf(n, scope.regionPrefix()));
        Instant now = clock.instant();
        Instant received = form.receivedAt() == null ? now : form.receivedAt();
        Concern c = new Concern(
                form.kind(),
                form.channel(),
                scope.regionPrefix(),
                caseNumber.orElse(null),
                phone,
                null,
                form.subject(),
                form.text(),
                form.externalRef(),
                scope.username(),
                received,
                dueOn(form.kind(), received),
                now);
        em.persist(c);
        em.flush();
        LOG.info(() -> "Concern " + c.reference() + " (" + c.channel() + ") logged by " + scope.username());
        return receipt(c);
    }

    /** The caller's scope to read items (the screen shows it and hides what they may not do). */
    public ConcernScope scope() {
        return scope(ConcernScope.Purpose.READ);
    }

    /** Whether the caller may log and handle items (county staff). */
    public boolean mayHandle() {
        try {
            return scope(ConcernScope.Purpose.HANDLE).handles();
        } catch (InvalidValueException supervisorOnly) {
            return false;
        }
    }

    /**
     * One page of the queue in the caller's scope, with the total, the counts per state and the overdue count.
     *
     * @throws InvalidValueException for a malformed phone, case number or reference, a region outside the caller's,
     *                               or a page out of range
     */
    public ConcernPage queue(ConcernFilter filter, int first, int size) {
        if (first < 0 || size < 1 || size > MAX_PAGE) {
            throw new InvalidValueException("page", "review.page", MAX_PAGE);
        }
        ConcernScope scope = readScope(filter.region());
        ConcernQueries.Criteria criteria = criteria(filter);
        long total = ConcernQueries.count(em, scope, criteria);
        List<ConcernRow> rows = first < total
                ? ConcernQueries.page(em, scope, criteria, first, size).stream()
                        .map(c -> row(c, criteria.today()))
                        .toList()
                : List.of();
        return new ConcernPage(
                rows,
                total,
                ConcernQueries.countsByState(em, scope, criteria),
                ConcernQueries.overdue(em, scope, criteria));
    }

    /**
     * One item for the staff screen; opening it is recorded in the audit trail.
     *
     * @throws InvalidValueException for an item that does not exist or lies outside the caller's scope (one answer)
     */
    public ConcernDetail detail(long id) {
        ConcernScope scope = scope(ConcernScope.Purpose.READ);
        Concern c = inScope(em.find(Concern.class, id), scope, id);
        audit.record(AuditAction.RECORD_VIEW, c.phone(), c.reference(), text("feedback.audit.view"), null);
        return detailOf(c);
    }

    /**
     * The item's full phone number, for county staff calling the family back; each look is recorded in the audit
     * trail.
     *
     * @throws InvalidValueException for an item outside the caller's county (the same answer as an unknown one)
     */
    @RolesAllowed({StaffRole.Names.COUNTY_ADMIN, StaffRole.Names.COUNTY_REVIEWER})
    public String fullPhone(long id) {
        ConcernScope scope = scope(ConcernScope.Purpose.HANDLE);
        Concern c = inScope(em.find(Concern.class, id), scope, id);
        audit.record(AuditAction.RECORD_VIEW, c.phone(), c.reference(), text("feedback.audit.phone"), null);
        return c.phone().value();
    }

    /**
     * 开始办理: the caller takes the item in hand.
     *
     * @param seenVersion the version the caller saw: a changed item is refused and nothing is overwritten
     * @throws InvalidValueException for an item outside the caller's county, changed meanwhile, or not just received
     */
    @RolesAllowed({StaffRole.Names.COUNTY_ADMIN, StaffRole.Names.COUNTY_REVIEWER})
    public ConcernDetail start(long id, long seenVersion) {
        Concern c = forAction(id, seenVersion);
        c.start(caller(), clock.instant());
        return done(c, "taken in hand");
    }

    /**
     * 答复: the reply to the family, which their signed-in pages show; an item still waiting is taken in hand on the
     * way.
     *
     * @throws InvalidValueException for an item outside the caller's county, changed meanwhile or already finished,
     *                               or an empty or too long reply
     */
    @RolesAllowed({StaffRole.Names.COUNTY_ADMIN, StaffRole.Names.COUNTY_REVIEWER})
    public ConcernDetail answer(long id, long seenVersion, String reply) {
        Concern c = forAction(id, seenVersion);
        c.answer(caller(), reply, clock.instant());
        return done(c, "answered");
    }

    /**
     * 关闭: closes the item without an answer, saying why.
     *
     * @throws InvalidValueException as for {@link #answer}, for the reason instead of the reply
     */
    @RolesAllowed({StaffRole.Names.COUNTY_ADMIN, StaffRole.Names.COUNTY_REVIEWER})
    public ConcernDetail close(long id, long seenVersion, String note) {
        Concern c = forAction(id, seenVersion);
        c.close(caller(), note, clock.instant());
        return done(c, "closed");
    }

    /**
     * The supervisors' figures for the caller's region, or a city or county inside it: per kind, the items by state
     * and the overdue ones.
     *
     * @param regionCode {@code null} for the caller's whole region
     * @throws InvalidValueException for a region outside the caller's
     */
    public ConcernSummary summary(String regionCode) {
        ConcernScope scope = readScope(regionCode);
        List<ConcernSummary.KindLine> lines = new ArrayList<>();
        for (Map.Entry<ConcernKind, long[]> e :
                ConcernQueries.perKind(em, scope, today()).entrySet()) {
            long[] n = e.getValue();
            lines.add(new ConcernSummary.KindLine(
                    e.getKey(),
                    e.getKey().label(),
                    n[ConcernState.RECEIVED.ordinal()],
                    n[ConcernState.IN_PROGRESS.ordinal()],
                    n[ConcernState.ANSWERED.ordinal()],
                    n[ConcernState.CLOSED.ordinal()],
                    n[ConcernState.values().length]));
        }
        return new ConcernSummary(scope.regionPrefix(), lines);
    }

    private ConcernReceipt receiveOnline(
            ConcernKind kind,
            String county,
            String caseNumber,
            PhoneNumber phone,
            String subject,
            String text,
            String clientAddress) {
        byte[] address = cipher.digest("client-address|"
                + (clientAddress == null || clientAddress.isBlank() ? "unknown" : clientAddress.strip()));
        byte[] number = cipher.digest(phone.value());
        // concerns from the same number or address at the same moment count one after the other; the clock is read
        // after the gates, so what was submitted while this one waited falls within its windows
        RequestGates.hold(
                em, new RequestGates.Gate("concern-number", number), new RequestGates.Gate("concern-address", address));
        Instant now = clock.instant();
        try {
            ConcernLimits.fromSettings()
                    .check(
                            times(Concern.ADDRESS_SINCE, address, now.minus(Duration.ofHours(1))),
                            times(Concern.NUMBER_ONLINE_SINCE, number, now.minus(Duration.ofDays(1))),
                            now);
        } catch (InvalidValueException refused) {
            LOG.info(() -> "Concern from " + phone.masked() + " refused: " + refused.messageKey());
            throw refused;
        }
        Concern c = new Concern(
                kind,
                ConcernChannel.ONLINE,
                county,
                caseNumber,
                phone,
                address,
                subject,
                text,
                null,
                null,
                now,
                dueOn(kind, now),
                now);
        em.persist(c);
        em.flush();
        LOG.info(() -> "Concern " + c.reference() + " received online for " + county + " from " + phone.masked());
        return receipt(c);
    }

    private List<Instant> times(String query, byte[] digest, Instant since) {
        return em.createNamedQuery(query, Instant.class)
                .setParameter("digest", digest)
                .setParameter("since", since)
                .getResultList();
    }

    private static Optional<String> caseNumberOf(String typed) {
        return typed == null || typed.isBlank()
                ? Optional.empty()
                : Optional.of(CaseNumber.parse(typed).toString());
    }

    /** The case must exist and be the county's; a case elsewhere reads like one that does not exist. */
    private void requireCaseOf(String caseNumber, String county) {
        boolean found = cases.find(caseNumber)
                .filter(c -> c.county().value().equals(county))
                .isPresent();
        if (!found) {
            throw new InvalidValueException("caseNumber", "feedback.case-unknown", caseNumber);
        }
    }

    private LocalDate dueOn(ConcernKind kind, Instant received) {
        int days = kind == null
                ? 0
                : Settings.value(kind == ConcernKind.COMPLAINT ? COMPLAINT_DAYS : CONSULTATION_DAYS)
                        .map(Integer::parseInt)
                        .orElse(kind == ConcernKind.COMPLAINT ? 5 : 3);
        return WorkingDays.fromSettings().after(LocalDate.ofInstant(received, Clocks.SHANGHAI), days);
    }

    private ConcernQueries.Criteria criteria(ConcernFilter f) {
        byte[] phone = blank(f.phone())
                ? null
                : cipher.digest(PhoneNumber.of(f.phone()).value());
        String caseNumber = caseNumberOf(f.caseNumber()).orElse(null);
        if (!blank(f.reference())) {
            Concern.Reference ref = Concern.parseReference(f.reference());
            // A reference names one item of one kind: found whatever its state; asked with the other kind, not at all.
            long id = f.kind() == null || f.kind() == ref.kind() ? ref.id() : -1L;
            return new ConcernQueries.Criteria(ref.kind(), List.of(), false, phone, caseNumber, id, today());
        }
        return new ConcernQueries.Criteria(
                f.kind(), List.copyOf(f.states()), f.overdueOnly(), phone, caseNumber, null, today());
    }

    private ConcernScope readScope(String regionCode) {
        ConcernScope scope = scope(ConcernScope.Purpose.READ);
        return regionCode == null || regionCode.isBlank() ? scope : scope.narrowedTo(regionCode.strip());
    }

    private Concern forAction(long id, long seenVersion) {
        ConcernScope scope = scope(ConcernScope.Purpose.HANDLE);
        Concern c = inScope(em.find(Concern.class, id, LockModeType.PESSIMISTIC_WRITE), scope, id);
        if (c.version() != seenVersion) {
            throw new InvalidValueException(
                    "version",
                    "feedback.stale",
                    c.reference(),
                    c.state().label(),
                    c.handler() == null ? text("review.system") : c.handler());
        }
        return c;
    }

    private ConcernDetail done(Concern c, String what) {
        em.flush();
        LOG.info(() -> "Concern " + c.reference() + " " + what + " by " + caller());
        return detailOf(c);
    }

    private Concern inScope(Concern c, ConcernScope scope, long id) {
        if (c == null || !scope.covers(c.county())) {
            LOG.warning(() -> "Refused " + scope.username() + " concern " + id + ": outside " + scope.regionPrefix()
                    + " or no such item");
            throw new InvalidValueException("id", "feedback.unknown");
        }
        return c;
    }

    private ConcernDetail detailOf(Concern c) {
        LocalDate today = today();
        List<ConcernDetail.Step> steps = new ArrayList<>();
        for (ConcernStep s : c.steps()) {
            steps.add(new ConcernDetail.Step(
                    s.occurredAt(),
                    s.actor(),
                    s.from() == null ? null : s.from().label(),
                    s.to().label(),
                    s.note()));
        }
        boolean handleable = c.state().open() && mayHandle(c);
        return new ConcernDetail(
                c.id(),
                c.reference(),
                c.kind(),
                c.kind().label(),
                c.channel().label(),
                c.county(),
                regions.fullName(RegionCode.of(c.county())),
                c.caseNumber(),
                c.phone().masked(),
                c.subject(),
                c.text(),
                c.externalRef(),
                c.enteredBy(),
                c.receivedAt(),
                c.dueOn(),
                c.state(),
                c.state().label(),
                c.overdue(today),
                c.finishedLate(),
                c.handler(),
                c.reply(),
                c.answeredAt(),
                c.closedAt(),
                steps,
                c.version(),
                handleable);
    }

    private boolean mayHandle(Concern c) {
        try {
            return scope(ConcernScope.Purpose.HANDLE).covers(c.county());
        } catch (InvalidValueException supervisorOnly) {
            return false;
        }
    }

    private static ConcernRow row(Concern c, LocalDate today) {
        return new ConcernRow(
                c.id(),
                c.reference(),
                c.kind(),
                c.kind().label(),
                c.channel().label(),
                c.county(),
                c.subject(),
                c.phone().masked(),
                c.caseNumber(),
                c.receivedAt(),
                c.dueOn(),
                c.state(),
                c.state().label(),
                c.overdue(today),
                c.handler());
    }

    private static ConcernReceipt receipt(Concern c) {
        return new ConcernReceipt(c.reference(), c.kind().label(), c.phone().masked(), c.dueOn());
    }

    /** The caller's scope, from their account on every call: a changed or deactivated account counts at once. */
    private ConcernScope scope(ConcernScope.Purpose purpose) {
        String username = caller();
        StaffAccount account = staff.findByUsername(username)
                .filter(StaffAccount::active)
                .orElseThrow(() -> new InvalidValueException("scope", "feedback.scope.none", username));
        return ConcernScope.of(account.username(), account.roles(), account.region(), purpose);
    }

    private PhoneNumber callerPhone() {
        return PhoneNumber.of(caller());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.SHANGHAI));
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String text(String key, Object... args) {
        return Messages.format(Messages.DEFAULT_LOCALE, key, args);
    }
}
