package org.oneenroll.web.feedback;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.oneenroll.feedback.boundary.Concerns;
import org.oneenroll.feedback.entity.Concern;
import org.oneenroll.feedback.entity.ConcernChannel;
import org.oneenroll.feedback.entity.ConcernDetail;
import org.oneenroll.feedback.entity.ConcernFilter;
import org.oneenroll.feedback.entity.ConcernForm;
import org.oneenroll.feedback.entity.ConcernKind;
import org.oneenroll.feedback.entity.ConcernPage;
import org.oneenroll.feedback.entity.ConcernReceipt;
import org.oneenroll.feedback.entity.ConcernRow;
import org.oneenroll.feedback.entity.ConcernScope;
import org.oneenroll.feedback.entity.ConcernState;
import org.oneenroll.platform.control.Clocks;
import org.oneenroll.platform.entity.InvalidValueException;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * 咨询投诉办理: the queue of the caller's county (or, for supervisors, region) paged in the database with counts per
 * state and of overdue items; one item with its history; for county staff, taking it in hand, the reply, closing, the
 * full phone number to call back (audited), and logging calls, 12345 transfers and visits. Everything comes through
 * {@link Concerns}, which bounds it by the signed-in account.
 */
@Named
@ViewScoped
public class FeedbackView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(FeedbackView.class.getName());
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Clocks.SHANGHAI);
    /** The state filter's value for "still waiting" (received or in hand). */
    static final String OPEN = "OPEN";

    @Inject
    transient Concerns concerns;

    private String region;
    private String kind;
    private String state = OPEN;
    private boolean overdueOnly;
    private String phone;
    private String caseNumber;
    private String reference;
    private ConcernFilter filter = ConcernFilter.open();
    /** The filter {@link #counts} were counted for; null: count again. */
    private ConcernFilter counted;

    private Map<ConcernState, Long> counts = Map.of();
    private long overdue;
    private long total;
    private boolean handler;
    private String scopeLabel;
    private LazyDataModel<ConcernRow> items;
    private List<ConcernRow> shown = List.of();

    private ConcernDetail detail;
    private String fullPhone;
    private String reply;
    private String closeNote;

    private String logKind;
    private String logChannel = ConcernChannel.HOTLINE.name();
    private String logPhone;
    private String logCaseNumber;
    private String logSubject;
    private String logText;
    private String logTicket;
    private LocalDateTime logReceivedAt;

    @PostConstruct
    void init() {
        handler = concerns.mayHandle();
        ConcernScope scope = concerns.scope();
        scopeLabel = scope.regionPrefix();
        items = new LazyDataModel<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public int count(Map<String, FilterMeta> filterBy) {
                if (counted == null || !counted.equals(filter)) {
                    ConcernPage page = concerns.queue(filter, 0, 1);
                    counts = page.countsByState();
                    overdue = page.overdue();
                    total = page.total();
                    counted = filter;
                }
                return (int) Math.min(Integer.MAX_VALUE, total);
            }

            @Override
            public List<ConcernRow> load(
                    int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
                shown = concerns.queue(filter, first, pageSize).rows();
                return shown;
            }

            @Override
            public String getRowKey(ConcernRow row) {
                return String.valueOf(row.id());
            }

            @Override
            public ConcernRow getRowData(String rowKey) {
                return shown.stream()
                        .filter(r -> String.valueOf(r.id()).equals(rowKey))
                        .findFirst()
                        .orElse(null);
            }
        };
    }

    /** Applies a supervisor's drill-down region from the address ({@code ?region=}); the boundary checks it. */
    public void load() {
        search();
    }

    /** Applies the filter fields; a malformed phone, case number or reference is shown at its field. */
    public void search() {
        ConcernFilter f = new ConcernFilter(
                blank(kind) ? null : ConcernKind.valueOf(kind),
                states(),
                overdueOnly,
                phone,
                caseNumber,
                reference,
                region);
        try {
            // Counted here, so a malformed part is refused at its field before the table asks.
            ConcernPage page = concerns.queue(f, 0, 1);
            filter = f;
            counts = page.countsByState();
            overdue = page.overdue();
            total = page.total();
            counted = f;
        } catch (InvalidValueException e) {
            refuse(
                    switch (e.field()) {
                        case "phone", "caseNumber", "reference" -> "filters:" + e.field();
                        default -> null;
                    },
                    e);
        }
    }

    /** Shows one state only (the counts above the table are links); {@code OVERDUE} shows the overdue items. */
    public void only(String which) {
        if ("OVERDUE".equals(which)) {
            state = null;
            overdueOnly = true;
        } else {
            state = which;
            overdueOnly = false;
        }
        search();
    }

    private EnumSet<ConcernState> states() {
        if (blank(state)) {
            return null;
        }
        return OPEN.equals(state) ? EnumSet.copyOf(ConcernState.OPEN) : EnumSet.of(ConcernState.valueOf(state));
    }

    /** Opens an item under the queue (recorded in the audit trail). */
    public void open(long id) {
        try {
            show(concerns.detail(id));
        } catch (InvalidValueException e) {
            detail = null;
            refuse(null, e);
        }
    }

    /** 开始办理. */
    public void start() {
        act(() -> concerns.start(detail.id(), detail.version()), "feedback.staff.started");
    }

    /** 答复: the reply is shown to the family on their pages. */
    public void answer() {
        act(() -> concerns.answer(detail.id(), detail.version(), reply), "feedback.staff.answered");
    }

    /** 关闭 with the reason. */
    public void close() {
        act(() -> concerns.close(detail.id(), detail.version(), closeNote), "feedback.staff.closed");
    }

    private void act(java.util.function.Supplier<ConcernDetail> action, String doneKey) {
        try {
            show(action.get());
            counted = null;
            info(text(doneKey));
        } catch (InvalidValueException e) {
            refuse(
                    switch (e.field()) {
                        case "reply", "note" -> "detailForm:" + e.field();
                        default -> null;
                    },
                    e);
            if (e.messageKey().equals("feedback.stale")) {
                open(detail.id());
            }
        } catch (EJBException e) {
            LOG.log(Level.WARNING, "Handling concern " + detail.reference() + " failed", e);
            error(text("action.failed"));
        }
    }

    /** 显示完整号码: for calling the family back; the look is recorded in the audit trail. */
    public void revealPhone() {
        try {
            fullPhone = concerns.fullPhone(detail.id());
        } catch (InvalidValueException e) {
            refuse(null, e);
        }
    }

    /** 登记: a call to the hotline, a 12345 transfer or a visit, in the caller's county. */
    public void log() {
        try {
            ConcernReceipt receipt = concerns.log(new ConcernForm(
                    blank(logKind) ? null : ConcernKind.valueOf(logKind),
                    blank(logChannel) ? null : ConcernChannel.valueOf(logChannel),
                    logPhone,
                    logCaseNumber,
                    logSubject,
                    logText,
                    logTicket,
                    logReceivedAt == null
                            ? null
                            : logReceivedAt.atZone(Clocks.SHANGHAI).toInstant()));
            info(text("feedback.staff.logged")
                    .replace("{0}", receipt.reference())
                    .replace("{1}", receipt.dueOn().toString()));
            newLog();
            counted = null;
        } catch (InvalidValueException e) {
            refuse(
                    switch (e.field()) {
                        case "kind", "channel", "phone", "caseNumber", "subject", "text", "receivedAt" -> "log:"
                                + e.field();
                        case "externalRef" -> "log:ticket";
                        default -> null;
                    },
                    e);
        } catch (EJBException e) {
            LOG.log(Level.WARNING, "Logging a concern failed", e);
            error(text("action.failed"));
        }
    }

    /** A fresh logging form. */
    public void newLog() {
        logKind = null;
        logChannel = ConcernChannel.HOTLINE.name();
        logPhone = null;
        logCaseNumber = null;
        logSubject = null;
        logText = null;
        logTicket = null;
        logReceivedAt = null;
    }

    private void show(ConcernDetail d) {
        detail = d;
        fullPhone = null;
        reply = null;
        closeNote = null;
    }

    /** A history step's actor in words: the family's own submission, or the staff member's user name. */
    public String actor(String actor) {
        return Concern.FAMILY.equals(actor) ? text("feedback.staff.family") : actor;
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    /** Counts per state, in life-cycle order, for the links above the table. */
    public Map<String, Long> getCounts() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (ConcernState s : ConcernState.values()) {
            out.put(s.name(), counts.getOrDefault(s, 0L));
        }
        return out;
    }

    public String stateLabel(String name) {
        return ConcernState.valueOf(name).label();
    }

    public List<String> getStates() {
        return List.of(ConcernState.values()).stream().map(Enum::name).toList();
    }

    public List<String> getKinds() {
        return List.of(ConcernKind.values()).stream().map(Enum::name).toList();
    }

    public String kindLabel(String name) {
        return ConcernKind.valueOf(name).label();
    }

    /** The channels staff log (all but the online form). */
    public List<String> getChannels() {
        return List.of(ConcernChannel.values()).stream()
                .filter(ConcernChannel::loggedByStaff)
                .map(Enum::name)
                .toList();
    }

    public String channelLabel(String name) {
        return ConcernChannel.valueOf(name).label();
    }

    public int getMaxReply() {
        return Concern.MAX_REPLY;
    }

    public int getMaxCloseNote() {
        return Concern.MAX_CLOSE_NOTE;
    }

    public LocalDateTime getNow() {
        return LocalDateTime.now(Clocks.SHANGHAI);
    }

    /** The earliest time a call may be dated (the boundary refuses older ones too). */
    public LocalDateTime getEarliest() {
        return LocalDate.now(Clocks.SHANGHAI)
                .minusDays(Concern.MAX_DAYS_BACK - 1)
                .atStartOfDay();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String text(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle ui = faces.getApplication().getResourceBundle(faces, "ui");
        return ui.getString(key);
    }

    private static void refuse(String clientId, InvalidValueException e) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        faces.validationFailed();
    }

    private static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    private static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    public LazyDataModel<ConcernRow> getItems() {
        return items;
    }

    public long getOverdue() {
        return overdue;
    }

    public long getTotal() {
        return total;
    }

    public boolean isHandler() {
        return handler;
    }

    public String getScopeLabel() {
        return scopeLabel;
    }

    public ConcernDetail getDetail() {
        return detail;
    }

    public String getFullPhone() {
        return fullPhone;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public boolean isOverdueOnly() {
        return overdueOnly;
    }

    public void setOverdueOnly(boolean overdueOnly) {
        this.overdueOnly = overdueOnly;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public void setCaseNumber(String caseNumber) {
        this.caseNumber = caseNumber;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public String getReply() {
        return reply;
    }

    public void setReply(String reply) {
        this.reply = reply;
    }

    public String getCloseNote() {
        return closeNote;
    }

    public void setCloseNote(String closeNote) {
        this.closeNote = closeNote;
    }

    public String getLogKind() {
        return logKind;
    }

    public void setLogKind(String logKind) {
        this.logKind = logKind;
    }

    public String getLogChannel() {
        return logChannel;
    }

    public void setLogChannel(String logChannel) {
        this.logChannel = logChannel;
    }

    public String getLogPhone() {
        return logPhone;
    }

    public void setLogPhone(String logPhone) {
        this.logPhone = logPhone;
    }

    public String getLogCaseNumber() {
        return logCaseNumber;
    }

    public void setLogCaseNumber(String logCaseNumber) {
        this.logCaseNumber = logCaseNumber;
    }

    public String getLogSubject() {
        return logSubject;
    }

    public void setLogSubject(String logSubject) {
        this.logSubject = logSubject;
    }

    public String getLogText() {
        return logText;
    }

    public void setLogText(String logText) {
        this.logText = logText;
    }

    public String getLogTicket() {
        return logTicket;
    }

    public void setLogTicket(String logTicket) {
        this.logTicket = logTicket;
    }

    public LocalDateTime getLogReceivedAt() {
        return logReceivedAt;
    }

    public void setLogReceivedAt(LocalDateTime logReceivedAt) {
        this.logReceivedAt = logReceivedAt;
    }
}
