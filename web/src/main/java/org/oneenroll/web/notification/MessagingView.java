package org.oneenroll.web.notification;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.oneenroll.identity.entity.PhoneNumber;
import org.oneenroll.intake.entity.CaseNumber;
import org.oneenroll.notification.boundary.DeadLetters;
import org.oneenroll.notification.boundary.SmsHistory;
import org.oneenroll.notification.entity.SmsStatus;
import org.oneenroll.platform.entity.InvalidValueException;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * 短信与回传: the SMS history (paged on the server, filtered by number, case and status) and the dead-letter
 * queues of SMS and case feedback with replay, for county administrators and batch operators.
 */
@Named
@ViewScoped
public class MessagingView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int MAX_LETTERS = 200;

    @Inject
    transient SmsHistory history;

    @Inject
    transient DeadLetters deadLetters;

    private String phone;
    private String caseNumber;
    private String status;
    private SmsHistory.Filter filter = new SmsHistory.Filter(null, null, null);
    private LazyDataModel<SmsRow> messages;
    private List<LetterRow> letters = List.of();

    @PostConstruct
    void init() {
        messages = new LazyDataModel<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public int count(Map<String, FilterMeta> filterBy) {
                return (int) Math.min(Integer.MAX_VALUE, history.count(filter));
            }

            @Override
            public List<SmsRow> load(
                    int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
                return history.search(filter, first, pageSize).stream()
                        .map(SmsRow::new)
                        .toList();
            }

            @Override
            public String getRowKey(SmsRow row) {
                return String.valueOf(row.getId());
            }
        };
        loadLetters();
    }

    /** Applies the filter fields; a malformed phone or case number is refused at its field, in Chinese. */
    public void search() {
        PhoneNumber number = null;
        String caseFilter = null;
        try {
            if (phone != null && !phone.isBlank()) {
                number = PhoneNumber.of(phone);
            }
        } catch (InvalidValueException e) {
            refuse("filters:phone", e);
            return;
        }
        try {
            if (caseNumber != null && !caseNumber.isBlank()) {
                caseFilter = CaseNumber.parse(caseNumber).toString();
            }
        } catch (InvalidValueException e) {
            refuse("filters:caseNumber", e);
            return;
        }
        filter = new SmsHistory.Filter(
                number, caseFilter, status == null || status.isBlank() ? null : SmsStatus.valueOf(status));
    }

    private static void refuse(String field, InvalidValueException e) {
        FacesContext.getCurrentInstance()
                .addMessage(field, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }

    public void replay(LetterRow letter) {
        boolean moved = deadLetters.replay(DeadLetters.Channel.valueOf(letter.getChannel()), letter.getMessageId());
        info(moved ? "messaging.replayed" : "messaging.replay-gone");
        loadLetters();
    }

    public void replayAll(String channel) {
        int n = deadLetters.replayAll(DeadLetters.Channel.valueOf(channel), MAX_LETTERS);
        FacesContext.getCurrentInstance()
                .addMessage(
                        null,
                        new FacesMessage(
                                FacesMessage.SEVERITY_INFO,
                                text("messaging.replayed-all").replace("{0}", String.valueOf(n)),
                                null));
        loadLetters();
    }

    public void loadLetters() {
        List<LetterRow> rows = new ArrayList<>();
        for (DeadLetters.Channel c : DeadLetters.Channel.values()) {
            deadLetters.list(c, MAX_LETTERS).forEach(l -> rows.add(new LetterRow(c, l)));
        }
        letters = rows;
    }

    public Map<SmsStatus, Long> getCounts() {
        return history.countByStatus();
    }

    public SmsStatus[] getStatuses() {
        return SmsStatus.values();
    }

    private void info(String key) {
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key), null));
    }

    private static String text(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle ui = faces.getApplication().getResourceBundle(faces, "ui");
        return ui.getString(key);
    }

    public LazyDataModel<SmsRow> getMessages() {
        return messages;
    }

    public List<LetterRow> getLetters() {
        return letters;
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

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
