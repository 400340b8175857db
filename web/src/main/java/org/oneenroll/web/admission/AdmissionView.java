package org.oneenroll.web.admission;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.oneenroll.admission.boundary.Admissions;
import org.oneenroll.admission.entity.PublishOutcome;
import org.oneenroll.admission.entity.RoundStatus;
import org.oneenroll.admission.entity.RoundView;
import org.oneenroll.admission.entity.SchoolRow;
import org.oneenroll.admission.entity.UnplacedRow;
import org.oneenroll.admission.entity.WhatIfRequest;
import org.oneenroll.admission.entity.WhatIfView;
import org.oneenroll.identity.entity.StaffRole;
import org.oneenroll.platform.control.Clocks;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.boundary.PlanSummary;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.Stage;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * 录取工作台: the county administrator chooses a stage, prepares the round (input hash and file to publish), types
 * the ceremony seed, draws, reads the per-school table, the unplaced list and any child's explanation, compares a
 * what-if and publishes; city and province supervisors see the same, read-only, for a county they choose. Every
 * call goes to {@link Admissions}, which enforces the roles and the caller's region.
 */
@Named
@ViewScoped
public class AdmissionView implements Serializable {

    private static final Logger LOG = Logger.getLogger(AdmissionView.class.getName());

    private static final long serialVersionUID = 1L;
    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Clocks.SHANGHAI);

    @Inject
    transient Admissions admissions;

    private boolean actor;
    private String county;
    private List<PlanSummary> plans = List.of();
    private List<Stage> stages = List.of();
    /** The published plan of the chosen stage, or null. */
    private PlanSummary plan;

    private String stage;
    private List<RoundView> rounds = List.of();
    private RoundView round;
    private List<SchoolRow> schools = List.of();
    private List<UnplacedRow> unplaced = List.of();
    private String seed;
    private String cancelReason;
    private String caseNumber;
    private String explanation;
    private String whatIfSchool;
    private Integer whatIfSeats;
    private List<String> whatIfOrder = new ArrayList<>();
    private WhatIfView whatIf;
    private PublishOutcome published;

    @PostConstruct
    void init() {
        actor = FacesContext.getCurrentInstance().getExternalContext().isUserInRole(StaffRole.Names.COUNTY_ADMIN);
    }

    /** Loads the county's plans (the administrator's own county; a supervisor's chosen one). */
    public void load() {
        try {
            plans = admissions.plans(county == null || county.isBlank() ? null : county.strip());
            stages = plans.stream().map(PlanSummary::stage).toList();
            if (stage == null && !plans.isEmpty()) {
                stage = plans.get(0).stage().name();
            }
            refresh();
        } catch (InvalidValueException e) {
            plans = List.of();
            stages = List.of();
            plan = null;
            refuse(null, e);
        }
    }

    /** Another stage chosen: its rounds and the latest round's results. */
    public void selectStage() {
        clearResults();
        refresh();
    }

    public void prepare() {
        act(() -> {
            round = admissions.prepare(plan.year(), plan.stage());
            info("admission.prepared", round.roundNumber(), round.childCount(), round.inputSha256());
        });
    }

    public void draw() {
        act(
                () -> {
                    round = admissions.draw(round.id(), seed);
                    info("admission.drawn", round.roundNumber(), round.resultSha256());
                },
                "seed");
    }

    public void compare() {
        try {
            Map<String, Integer> seats = whatIfSchool == null || whatIfSchool.isBlank() || whatIfSeats == null
                    ? Map.of()
                    : Map.of(whatIfSchool, whatIfSeats);
            List<FamilyCategory> order =
                    whatIfOrder.stream().map(FamilyCategory::valueOf).toList();
            whatIf = admissions.whatIf(round.id(), new WhatIfRequest(seats, order));
        } catch (InvalidValueException e) {
            whatIf = null;
            refuse("whatIfSeats", e);
        }
    }

    public void publish() {
        act(() -> {
            published = admissions.publish(round.id());
            round = published.round();
            info(
                    "admission.published",
                    published.admitted(),
                    published.reallocated(),
                    published.unplaced(),
                    published.smsQueued(),
                    published.skippedCases().size());
        });
    }

    public void cancel() {
        act(
                () -> {
                    round = admissions.cancel(round.id(), cancelReason);
                    info("admission.cancelled", round.roundNumber());
                },
                "cancelReason");
    }

    public void explain() {
        try {
            explanation = admissions.explanation(round.id(), caseNumber);
        } catch (InvalidValueException e) {
            explanation = null;
            refuse("caseNumber", e);
        }
    }

    /** The canonical input file, byte for byte as hashed. */
    public StreamedContent inputFile() {
        byte[] bytes = admissions.input(round.id());
        return file(round.inputFileName(), bytes);
    }

    /** The canonical result file, byte for byte as hashed. */
    public StreamedContent resultFile() {
        byte[] bytes = admissions.result(round.id());
        return file(round.resultFileName(), bytes);
    }

    private static StreamedContent file(String name, byte[] bytes) {
        return DefaultStreamedContent.builder()
                .name(name)
                .contentType("text/plain;charset=UTF-8")
                .contentLength((long) bytes.length)
                .stream(() -> new ByteArrayInputStream(bytes))
                .build();
    }

    private void act(Runnable action, String... field) {
        try {
            action.run();
        } catch (InvalidValueException e) {
            refuse(field.length == 0 ? null : field[0], e);
        } catch (EJBException e) {
            // The boundary's transaction rolled back (another officer's change, the database): nothing was changed.
            LOG.log(Level.WARNING, "Admission action failed", e);
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_ERROR,
                            faces.getApplication()
                                    .getResourceBundle(faces, "ui")
                                    .getString("action.failed"),
                            null));
        }
        refresh();
    }

    private void refresh() {
        plan = plans.stream()
                .filter(p -> p.stage().name().equals(stage))
                .findFirst()
                .orElse(null);
        if (plan == null) {
            return;
        }
        try {
            rounds = admissions.rounds(
                    county == null || county.isBlank() ? null : county.strip(), plan.year(), plan.stage());
            round = rounds.isEmpty() ? null : rounds.get(0);
            if (round != null && (round.status() == RoundStatus.DRAWN || round.status() == RoundStatus.PUBLISHED)) {
                schools = admissions.schools(round.id());
                unplaced = admissions.unplaced(round.id());
                if (whatIfOrder.isEmpty()) {
                    whatIfOrder = new ArrayList<>(admissions.categoryOrder(round.id()).stream()
                            .map(Enum::name)
                            .toList());
                }
            } else {
                clearResults();
            }
        } catch (InvalidValueException e) {
            refuse(null, e);
        }
    }

    private void clearResults() {
        schools = List.of();
        unplaced = List.of();
        whatIf = null;
        explanation = null;
        whatIfOrder = new ArrayList<>();
    }

    private static void refuse(String field, InvalidValueException e) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String clientId = field == null ? null : findClientId(faces, field);
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }

    private static String findClientId(FacesContext faces, String id) {
        var found = faces.getViewRoot().findComponent("admission:" + id);
        return found == null ? null : found.getClientId(faces);
    }

    private static void info(String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle ui = faces.getApplication().getResourceBundle(faces, "ui");
        String text = new MessageFormat(ui.getString(key), faces.getViewRoot().getLocale()).format(args);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    public String statusLabel(RoundStatus status) {
        return status == null
                ? ""
                : status.label(FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    public boolean isActor() {
        return actor;
    }

    public boolean isCanPrepare() {
        return actor && plan != null && (round == null || !round.status().open());
    }

    public boolean isCanDraw() {
        return actor && round != null && round.status() == RoundStatus.PREPARED;
    }

    public boolean isDrawn() {
        return round != null && (round.status() == RoundStatus.DRAWN || round.status() == RoundStatus.PUBLISHED);
    }

    public boolean isCanPublish() {
        return actor && round != null && round.status() == RoundStatus.DRAWN;
    }

    public boolean isCanCancel() {
        return actor && round != null && round.status().open();
    }

    public List<Stage> getStages() {
        return stages;
    }

    public PlanSummary getPlan() {
        return plan;
    }

    public String getCounty() {
        return county;
    }

    public void setCounty(String county) {
        this.county = county;
    }

    public List<PlanSummary> getPlans() {
        return plans;
    }

    public String getStage() {
        return stage;
    }

    public void setStage(String stage) {
        this.stage = stage;
    }

    public List<RoundView> getRounds() {
        return rounds;
    }

    public RoundView getRound() {
        return round;
    }

    public List<SchoolRow> getSchools() {
        return schools;
    }

    public List<UnplacedRow> getUnplaced() {
        return unplaced;
    }

    public String getSeed() {
        return seed;
    }

    public void setSeed(String seed) {
        this.seed = seed;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public void setCancelReason(String cancelReason) {
        this.cancelReason = cancelReason;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public void setCaseNumber(String caseNumber) {
        this.caseNumber = caseNumber;
    }

    public String getExplanation() {
        return explanation;
    }

    public String getWhatIfSchool() {
        return whatIfSchool;
    }

    public void setWhatIfSchool(String whatIfSchool) {
        this.whatIfSchool = whatIfSchool;
    }

    public Integer getWhatIfSeats() {
        return whatIfSeats;
    }

    public void setWhatIfSeats(Integer whatIfSeats) {
        this.whatIfSeats = whatIfSeats;
    }

    public List<String> getWhatIfOrder() {
        return whatIfOrder;
    }

    public void setWhatIfOrder(List<String> whatIfOrder) {
        this.whatIfOrder = whatIfOrder == null ? new ArrayList<>() : new ArrayList<>(whatIfOrder);
    }

    public WhatIfView getWhatIf() {
        return whatIf;
    }

    public PublishOutcome getPublished() {
        return published;
    }
}
