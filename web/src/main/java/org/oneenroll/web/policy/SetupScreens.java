package org.oneenroll.web.policy;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import java.io.ByteArrayInputStream;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import org.oneenroll.platform.control.Clocks;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.boundary.ImportReport;
import org.oneenroll.policy.boundary.SetupCounty;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * What the two set-up screens (schools, zones) share: texts from the ui bundle, a refusal shown at its field, an
 * import's outcome in one sentence, a workbook offered for download.
 */
final class SetupScreens {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Clocks.SHANGHAI);

    private SetupScreens() {}

    static String text(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle ui = faces.getApplication().getResourceBundle(faces, "ui");
        Locale locale = faces.getViewRoot() == null
                ? Locale.SIMPLIFIED_CHINESE
                : faces.getViewRoot().getLocale();
        return new MessageFormat(ui.getString(key), locale).format(arguments);
    }

    /**
     * Shows a refusal at the component {@code form:id} when the page has it, else at the top, and marks the request
     * failed so a dialog stays open with what was typed.
     */
    static void refuse(String form, String id, InvalidValueException e) {
        FacesContext faces = FacesContext.getCurrentInstance();
        UIComponent at = id == null ? null : faces.getViewRoot().findComponent(form + ":" + id);
        faces.addMessage(
                at == null ? null : at.getClientId(faces),
                new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        faces.validationFailed();
    }

    static void error(String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        faces.validationFailed();
    }

    static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    /** "读取12行：新增3所，更新1所，未变化6所；2行有错误，未导入（见下表）。" or that nothing changed. */
    static String summary(ImportReport report, String noun) {
        if (report.sheetRefused()) {
            return text("setup.import.refused");
        }
        String counts = text(
                "setup.import.summary",
                report.fileName(),
                report.rowsRead(),
                report.created(),
                report.updated(),
                report.unchanged(),
                noun);
        if (report.rowsRefused() > 0) {
            counts += text("setup.import.rows-refused", report.rowsRefused());
        }
        if (report.unitsListed() > 0) {
            counts += text("setup.import.units", report.unitsListed());
        }
        return report.changedNothing() ? counts + text("setup.import.nothing") : counts;
    }

    /** "上次导入：学校名单.xlsx，张主任，2027-05-10 10:00" */
    static String last(SetupCounty.LastImport last) {
        return last == null
                ? ""
                : text(
                        "setup.import.last",
                        last.fileName(),
                        last.by(),
                        TIME.format(last.at()),
                        last.created(),
                        last.updated(),
                        last.refused());
    }

    static StreamedContent xlsx(String name, byte[] bytes) {
        return DefaultStreamedContent.builder().name(name).contentType(XLSX).contentLength((long) bytes.length).stream(
                        () -> new ByteArrayInputStream(bytes))
                .build();
    }

    static boolean isXlsx(String fileName) {
        return fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }
}
