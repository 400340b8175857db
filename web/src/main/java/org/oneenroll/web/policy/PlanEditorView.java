package org.oneenroll.web.policy;

import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.oneenroll.identity.entity.StaffRole;
import org.oneenroll.platform.control.Clocks;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.boundary.GuideDefaults;
import org.oneenroll.policy.boundary.PlanEdit;
import org.oneenroll.policy.boundary.PlanPublication;
import org.oneenroll.policy.boundary.PlanRevisionView;
import org.oneenroll.policy.boundary.PlanRevisions;
import org.oneenroll.policy.boundary.PlanSheet;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.LotteryRule;
import org.oneenroll.policy.entity.PlanCheckReport;
import org.oneenroll.policy.entity.PlanFinding;
import org.oneenroll.policy.entity.Stage;

/**
 * 年度招生计划: the county administrator's editor for one stage's plan of a year (dates, seats, tiers and points,
 * choices and lottery, the public texts), the checks, publishing with confirmation, correcting as a new revision
 * with a reason, and the history of revisions; city and province supervisors see the same read-only for a county they
 * choose. Every call goes to {@link PlanRevisions}, which derives the county and the region from the account.
 */
@Named
@ViewScoped
public class PlanEditorView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PlanEditorView.class.getName());
    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Clocks.SHANGHAI);
    /** Where a refusal's field is shown, by the boundary's field name. */
    private static final Map<String, String> FIELDS = Map.of(
            "onlineOpens", "plans:tabs:onlineOpens",
            "onlineCloses", "plans:tabs:onlineCloses",
            "seats", "plans:tabs:seats",
            "maxChoices", "plans:tabs:maxChoices",
            "eligibleChildren", "plans:tabs:children",
            "eligibleChildrenSource", "plans:tabs:childrenSource",
            "reason", "plans:reason");

    @Inject
    transient PlanRevisions revisions;

    private boolean actor;
    private String county;
    private Integer year;
    private String stage;
    private List<Integer> years = List.of();

    private PlanSheet sheet;
    private PlanCheckReport report;
    private List<PlanRevisionView> history = List.of();
    private String reason;

    private LocalDateTime onlineOpens;
    private LocalDateTime onlineCloses;
    private LocalDate counterOpens;
    private LocalDate counterCloses;
    private LocalDate reviewEnds;
    private LocalDate resultsOn;
    private LocalDate termStarts;
    private List<SeatRow> seats = new ArrayList<>();
    private List<String> categoryOrder = new ArrayList<>();
    private List<PointsRow> points = new ArrayList<>();
    private Integer maxChoices;
    private List<String> choiceSchools = new ArrayList<>();
    private String lotteryRule;
    private Integer eligibleChildren;
    private String eligibleChildrenSource;
    private List<TextRow> texts = new ArrayList<>();
    private List<MaterialRow> materials = new ArrayList<>();

    /** A school's seats as the officer types them. */
    public static final class SeatRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final PlanSheet.SeatLine line;
        private Integer seats;

        SeatRow(PlanSheet.SeatLine line) {
            this.line = line;
            this.seats = line.seats();
        }

        public PlanSheet.SeatLine getLine() {
            return line;
        }

        public Integer getSeats() {
            return seats;
        }

        public void setSeats(Integer seats) {
            this.seats = seats;
        }
    }

    /** One of the four points items: used or not, its public description and its points. */
    public static final class PointsRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String code;
        private boolean used;
        private String label;
        private Integer points;

        PointsRow(PlanSheet.PointsLine line) {
            this.code = line.code();
            this.used = line.used();
            this.label = line.label();
            this.points = line.points();
        }

        PlanSheet.PointsLine line() {
            return new PlanSheet.PointsLine(code, used, label, points == null ? 0 : points);
        }

        public String getCode() {
            return code;
        }

        public boolean isUsed() {
            return used;
        }

        public void setUsed(boolean used) {
            this.used = used;
        }

        public String getLabel() {
            return label;
        }

        public void setLabel(String label) {
            this.label = label;
        }

        public Integer getPoints() {
            return points;
        }

        public void setPoints(Integer points) {
            this.points = points;
        }
    }

    /** A public text: the plan's wording beside the template's. */
    public static final class TextRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final PlanSheet.TextLine line;
        private String text;

        TextRow(PlanSheet.TextLine line) {
            this.line = line;
            this.text = line.text();
        }

        public PlanSheet.TextLine getLine() {
            return line;
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }
    }

    /** A family group's materials as ticked. */
    public static final class MaterialRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final PlanSheet.MaterialLine line;
        private List<String> ids;

        MaterialRow(PlanSheet.MaterialLine line) {
            this.line = line;
            this.ids = new ArrayList<>(line.ids());
        }

        public PlanSheet.MaterialLine getLine() {
            return line;
        }

        public List<String> getIds() {
            return ids;
        }

        public void setIds(List<String> ids) {
            this.ids = ids == null ? new ArrayList<>() : new ArrayList<>(ids);
        }
    }

    /** The page's view action: the chosen (or first open) year and stage, and the county's plan for them. */
    public void load() {
        actor = FacesContext.getCurrentInstance().getExternalContext().isUserInRole(StaffRole.Names.COUNTY_ADMIN);
        try {
            years = revisions.years();
            if (year == null) {
                year = years.get(0);
            }
            if (getStageList().stream().noneMatch(s -> s.name().equals(stage))) {
                stage = Stage.PRIMARY.name();
            }
            refresh();
        } catch (InvalidValueException e) {
            clear();
            refuse(e);
        }
    }

    /** Another year, stage or county chosen. */
    public void select() {
        report = null;
        reason = null;
        load();
    }

    public void create() {
        act(() -> {
            show(revisions.create(year, Stage.valueOf(stage)));
            info("plans.created", sheet.revision());
        });
    }

    public void save() {
        act(() -> {
            show(revisions.save(edit()));
            info("plans.saved", sheet.revision());
        });
    }

    /** Saves what the officer typed (if they may) and lists what the checks find. */
    public void check() {
        act(() -> {
            if (sheet.editable()) {
                show(revisions.save(edit()));
            }
            report = revisions.check(sheet.id());
            info(
                    report.publishable() ? "plans.checked-ok" : "plans.checked-errors",
                    report.errors().size(),
                    report.warnings().size());
        });
    }

    /** Saves, then publishes if the checks find no error; otherwise says so and lists why. */
    public void publish() {
        act(() -> {
            show(revisions.save(edit()));
            PlanPublication outcome = revisions.publish(sheet.id(), sheet.version(), reason);
            show(outcome.plan());
            report = outcome.report();
            if (outcome.published()) {
                reason = null;
                info("plans.published", sheet.revision());
            } else {
                error("plans.refused", report.errors().size());
            }
        });
    }

    /** Begins the next revision of the published plan. */
    public void correct() {
        act(() -> {
            show(revisions.correct(sheet.id()));
            report = null;
            info("plans.correcting", sheet.revision(), sheet.revision() - 1);
        });
    }

    public void discard() {
        act(() -> {
            int revision = sheet.revision();
            revisions.discard(sheet.id());
            report = null;
            reason = null;
            refresh();
            info("plans.discarded", revision);
        });
    }

    private void refresh() {
        sheet = revisions.sheet(blankToNull(county), year, Stage.valueOf(stage)).orElse(null);
        if (sheet == null) {
            history = List.of();
            return;
        }
        show(sheet);
    }

    private void show(PlanSheet s) {
        sheet = s;
        onlineOpens = LocalDateTime.ofInstant(s.onlineOpens(), Clocks.SHANGHAI);
        onlineCloses = LocalDateTime.ofInstant(s.onlineCloses(), Clocks.SHANGHAI);
        counterOpens = s.counterOpens();
        counterCloses = s.counterCloses();
        reviewEnds = s.reviewEnds();
        resultsOn = s.resultsOn();
        termStarts = s.termStarts();
        seats = new ArrayList<>(s.seats().stream().map(SeatRow::new).toList());
        categoryOrder =
                new ArrayList<>(s.categoryOrder().stream().map(Enum::name).toList());
        points = new ArrayList<>(s.points().stream().map(PointsRow::new).toList());
        maxChoices = s.maxChoices();
        // None listed means every private school with seats: the boxes show what that is.
        choiceSchools = new ArrayList<>(
                s.choiceSchools().isEmpty()
                        ? s.seats().stream()
                                .filter(l -> l.privateSchool() && l.seats() > 0)
                                .map(PlanSheet.SeatLine::schoolCode)
                                .toList()
                        : s.choiceSchools());
        lotteryRule = s.lotteryRule().name();
        eligibleChildren = s.eligibleChildren();
        eligibleChildrenSource = s.eligibleChildrenSource();
        texts = new ArrayList<>(s.texts().stream().map(TextRow::new).toList());
        materials = new ArrayList<>(s.materials().stream().map(MaterialRow::new).toList());
        history = revisions.history(blankToNull(county), s.year(), s.stage());
    }

    private PlanEdit edit() {
        Map<String, Integer> seatMap = new LinkedHashMap<>();
        seats.forEach(r -> seatMap.put(r.getLine().schoolCode(), r.getSeats()));
        Map<String, String> textMap = new LinkedHashMap<>();
        texts.forEach(r -> textMap.put(r.getLine().key(), r.getText()));
        Map<String, List<String>> materialMap = new LinkedHashMap<>();
        materials.forEach(r -> materialMap.put(r.getLine().key(), List.copyOf(r.getIds())));
        return new PlanEdit(
                sheet.id(),
                sheet.version(),
                onlineOpens == null ? null : onlineOpens.atZone(Clocks.SHANGHAI).toInstant(),
                onlineCloses == null
                        ? null
                        : onlineCloses.atZone(Clocks.SHANGHAI).toInstant(),
                counterOpens,
                counterCloses,
                reviewEnds,
                resultsOn,
                termStarts,
                seatMap,
                categoryOrder.stream().map(FamilyCategory::valueOf).toList(),
                points.stream().map(PointsRow::line).toList(),
                maxChoices == null ? 0 : maxChoices,
                List.copyOf(choiceSchools),
                LotteryRule.valueOf(lotteryRule),
                eligibleChildren,
                eligibleChildrenSource,
                textMap,
                materialMap);
    }

    private void clear() {
        sheet = null;
        report = null;
        history = List.of();
    }

    private interface Action {
        void run();
    }

    private void act(Action action) {
        try {
            action.run();
        } catch (InvalidValueException e) {
            refuse(e);
        } catch (EJBException e) {
            // The boundary's transaction rolled back (another officer's change, the database): nothing was changed.
            LOG.log(Level.WARNING, "Plan action failed", e);
            error("action.failed");
        }
    }

    private void refuse(InvalidValueException e) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String at = FIELDS.get(e.field());
        UIComponent component = at == null ? null : faces.getViewRoot().findComponent(at);
        String text = e.message(faces.getViewRoot().getLocale());
        faces.addMessage(
                component == null ? null : component.getClientId(faces),
                new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        if (component != null) {
            // Also at the top, where the officer is looking after pressing a button.
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        }
    }

    private static void info(String key, Object... args) {
        message(FacesMessage.SEVERITY_INFO, key, args);
    }

    private static void error(String key, Object... args) {
        message(FacesMessage.SEVERITY_ERROR, key, args);
    }

    private static void message(FacesMessage.Severity severity, String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle ui = faces.getApplication().getResourceBundle(faces, "ui");
        String text = new MessageFormat(ui.getString(key), faces.getViewRoot().getLocale()).format(args);
        faces.addMessage(null, new FacesMessage(severity, text, null));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A finding in the page's language. */
    public String message(PlanFinding finding) {
        return finding.message(FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    public List<PlanSheet.SeatLine> getPrivateSchools() {
        return sheet == null
                ? List.of()
                : sheet.seats().stream()
                        .filter(PlanSheet.SeatLine::privateSchool)
                        .toList();
    }

    public List<TextRow> textsOf(String group) {
        GuideDefaults.Group g = GuideDefaults.Group.valueOf(group);
        return texts.stream().filter(t -> t.getLine().group() == g).toList();
    }

    public List<LotteryRule> getLotteryRules() {
        return List.of(LotteryRule.values());
    }

    public List<Stage> getStageList() {
        return List.of(Stage.values());
    }

    public boolean isActor() {
        return actor;
    }

    public boolean isEditable() {
        return sheet != null && sheet.editable();
    }

    public boolean isCanCreate() {
        return actor && sheet == null && blankToNull(county) == null;
    }

    public int getTotalSeats() {
        return seats.stream()
                .mapToInt(r -> r.getSeats() == null ? 0 : r.getSeats())
                .sum();
    }

    public PlanSheet getSheet() {
        return sheet;
    }

    public PlanCheckReport getReport() {
        return report;
    }

    public List<PlanRevisionView> getHistory() {
        return history;
    }

    public List<Integer> getYears() {
        return years;
    }

    public String getCounty() {
        return county;
    }

    public void setCounty(String county) {
        this.county = county;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public String getStage() {
        return stage;
    }

    public void setStage(String stage) {
        this.stage = stage;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public LocalDateTime getOnlineOpens() {
        return onlineOpens;
    }

    public void setOnlineOpens(LocalDateTime onlineOpens) {
        this.onlineOpens = onlineOpens;
    }

    public LocalDateTime getOnlineCloses() {
        return onlineCloses;
    }

    public void setOnlineCloses(LocalDateTime onlineCloses) {
        this.onlineCloses = onlineCloses;
    }

    public LocalDate getCounterOpens() {
        return counterOpens;
    }

    public void setCounterOpens(LocalDate counterOpens) {
        this.counterOpens = counterOpens;
    }

    public LocalDate getCounterCloses() {
        return counterCloses;
    }

    public void setCounterCloses(LocalDate counterCloses) {
        this.counterCloses = counterCloses;
    }

    public LocalDate getReviewEnds() {
        return reviewEnds;
    }

    public void setReviewEnds(LocalDate reviewEnds) {
        this.reviewEnds = reviewEnds;
    }

    public LocalDate getResultsOn() {
        return resultsOn;
    }

    public void setResultsOn(LocalDate resultsOn) {
        this.resultsOn = resultsOn;
    }

    public LocalDate getTermStarts() {
        return termStarts;
    }

    public void setTermStarts(LocalDate termStarts) {
        this.termStarts = termStarts;
    }

    public List<SeatRow> getSeats() {
        return seats;
    }

    public List<String> getCategoryOrder() {
        return categoryOrder;
    }

    public void setCategoryOrder(List<String> categoryOrder) {
        this.categoryOrder = categoryOrder == null ? new ArrayList<>() : new ArrayList<>(categoryOrder);
    }

    public List<PointsRow> getPoints() {
        return points;
    }

    public Integer getMaxChoices() {
        return maxChoices;
    }

    public void setMaxChoices(Integer maxChoices) {
        this.maxChoices = maxChoices;
    }

    public List<String> getChoiceSchools() {
        return choiceSchools;
    }

    public void setChoiceSchools(List<String> choiceSchools) {
        this.choiceSchools = choiceSchools == null ? new ArrayList<>() : new ArrayList<>(choiceSchools);
    }

    public String getLotteryRule() {
        return lotteryRule;
    }

    public void setLotteryRule(String lotteryRule) {
        this.lotteryRule = lotteryRule;
    }

    public Integer getEligibleChildren() {
        return eligibleChildren;
    }

    public void setEligibleChildren(Integer eligibleChildren) {
        this.eligibleChildren = eligibleChildren;
    }

    public String getEligibleChildrenSource() {
        return eligibleChildrenSource;
    }

    public void setEligibleChildrenSource(String eligibleChildrenSource) {
        this.eligibleChildrenSource = eligibleChildrenSource;
    }

    public List<TextRow> getTexts() {
        return texts;
    }

    public List<MaterialRow> getMaterials() {
        return materials;
    }
}
