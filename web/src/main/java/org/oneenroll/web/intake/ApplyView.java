package org.oneenroll.web.intake;

import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.oneenroll.identity.entity.NationalId;
import org.oneenroll.intake.boundary.Applications;
import org.oneenroll.intake.control.ApplicationChecks;
import org.oneenroll.intake.entity.ApplicationForm;
import org.oneenroll.intake.entity.ApplicationViews;
import org.oneenroll.intake.entity.Channel;
import org.oneenroll.platform.control.Clocks;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.verification.entity.Proof;
import org.oneenroll.verification.entity.Relation;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * 入学申请 wizard, for a parent online ({@code /parent/apply.xhtml}) and for counter staff entering a walk-in
 * family ({@code /staff/counter.xhtml}): kind → child → guardian and emergency contact → authorisation → what the
 * sources returned → school choice → proofs → confirm. Every field is saved to the draft as it is left, so
 * nothing typed is lost; every call goes to {@link Applications}, which decides whose draft and case it is.
 */
@Named
@ViewScoped
public class ApplyView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ApplyView.class.getName());
    private static final DateTimeFormatter MOMENT =
            DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(Clocks.SHANGHAI);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Clocks.SHANGHAI);
    static final String FORM = "apply";

    /** The wizard's steps, in order; the first four hold the fields of {@link ApplicationChecks.Step}. */
    public static final List<String> STEPS =
            List.of("kind", "child", "guardian", "consent", "records", "choice", "proofs", "confirm");

    static final int RECORDS = 4;
    static final int CHOICE = 5;
    static final int PROOFS = 6;
    static final int CONFIRM = 7;
    static final int DONE = 8;

    @Inject
    transient Applications applications;

    /** {@code ?number=}: a submitted case the family comes back to (choices, a proof asked for). */
    private String number;

    private ApplicationViews.Draft draft;
    private ApplicationForm form;
    private int step;
    private boolean done;
    private List<ApplicationViews.AddressUnit> units = List.of();
    private ApplicationViews.Records records;
    private List<ApplicationViews.SchoolOption> schools = List.of();
    /** How many schools the plan lets the family name. */
    private int maxChoices;

    private List<ApplicationViews.ProofFile> proofs = List.of();
    private List<String> choices = new ArrayList<>();
    private String proofKind;
    private String childSummary;

    /** Loads the caller's draft, or opens the case of {@code ?number=}. */
    public void load() {
        if (draft != null) {
            return;
        }
        act(
                () -> {
                    show(number == null || number.isBlank() ? applications.current() : applications.forCase(number));
                    units = applications.addressUnits(draft.id());
                },
                null);
    }

    /** Counter staff: the next walk-in family; a parent: another child. The open draft stays where it is. */
    public void startNew() {
        act(
                () -> {
                    show(applications.start());
                    units = applications.addressUnits(draft.id());
                },
                null);
    }

    /** Saves the step's fields and moves on when they are complete and right; the consent step submits. */
    public void next() {
        if (step < RECORDS) {
            List<ApplicationChecks.Problem> problems =
                    call(() -> applications.check(draft.id(), form, ApplicationChecks.Step.values()[step]));
            if (problems == null) {
                return;
            }
            if (!problems.isEmpty()) {
                problems.forEach(p -> fieldError(p.field(), p.message()));
                save(step);
                return;
            }
            if (step == RECORDS - 1) {
                act(() -> show(applications.submit(draft.id(), draft.version(), form)), "consent");
                return;
            }
            save(step + 1);
            return;
        }
        if (step == CHOICE && !choices.equals(form.getChoices())) {
            act(() -> show(applications.choose(draft.id(), draft.version(), choices)), "choices");
            if (FacesContext.getCurrentInstance().getMessageList().isEmpty()) {
                save(PROOFS);
            }
            return;
        }
        save(Math.min(step + 1, CONFIRM));
    }

    /** Back one step, keeping what was typed. */
    public void back() {
        int to = draft.caseNumber() != null ? Math.max(RECORDS, step - 1) : Math.max(0, step - 1);
        save(to);
    }

    /** A field was left: keep it in the draft and say at once what is wrong with it. */
    public void fieldLeft(String field) {
        save(step);
        if (step < RECORDS) {
            List<ApplicationChecks.Problem> problems =
                    call(() -> applications.check(draft.id(), form, ApplicationChecks.Step.values()[step]));
            if (problems != null) {
                problems.stream().filter(p -> p.field().equals(field)).forEach(p -> fieldError(p.field(), p.message()));
            }
        }
        childSummary = summarise(form.getChildId());
    }

    /** The stage or the form was chosen: keep it, and show the stage's window at once. */
    public void kindChosen() {
        save(step);
    }

    /** While the sources are asked: look again (the page polls). */
    public void refreshRecords() {
        act(() -> records = applications.records(draft.id()), null);
    }

    public void upload(FileUploadEvent event) {
        if (proofKind == null || proofKind.isBlank()) {
            fieldError("proofKind", text("apply.proof.kind-required"));
            return;
        }
        act(
                () -> {
                    applications.upload(
                            draft.id(),
                            Proof.valueOf(proofKind),
                            event.getFile().getFileName(),
                            event.getFile().getContent());
                    proofs = applications.proofs(draft.id());
                    info(text("apply.proof.uploaded"));
                },
                "proofUpload");
    }

    /** One uploaded proof, for the family or the counter to look at again. */
    public StreamedContent proofFile(long proofId) {
        ApplicationViews.ProofContent content = applications.proof(draft.id(), proofId);
        return DefaultStreamedContent.builder()
                .name(content.fileName())
                .contentType(content.contentType())
                .contentLength((long) content.bytes().length)
                .stream(() -> new ByteArrayInputStream(content.bytes()))
                .build();
    }

    /** The family confirms: the draft is done and the receipt shown. */
    public void confirm() {
        act(
                () -> {
                    applications.confirm(draft.id(), draft.version());
                    done = true;
                    step = DONE;
                },
                "confirm");
    }

    private void save(int to) {
        act(() -> show(applications.save(draft.id(), draft.version(), form, to)), null);
    }

    private void show(ApplicationViews.Draft d) {
        draft = d;
        form = d.form();
        step = d.step();
        if (d.caseNumber() != null && step < RECORDS) {
            step = RECORDS;
        }
        choices = new ArrayList<>(form.getChoices());
        childSummary = summarise(form.getChildId());
        if (d.caseNumber() == null || records != null && !records.caseNumber().equals(d.caseNumber())) {
            // another draft (the next family at the counter, another child): nothing of the last one stays
            records = null;
            schools = List.of();
            proofs = List.of();
        }
        if (d.caseNumber() != null) {
            // each look at the records is an audited view: ask again only while the sources are being asked, or
            // when the family comes to the records step
            if (records == null || records.checking() || step == RECORDS) {
                records = applications.records(d.id());
            }
            schools = applications.schoolOptions(d.id());
            maxChoices = applications.maxChoices(d.id());
            proofs = applications.proofs(d.id());
        }
    }

    private String summarise(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            NationalId id = NationalId.of(typed);
            int age = id.ageOn(LocalDate.of(draft.planYear(), 8, 31));
            return String.format(
                    text("apply.child.summary"),
                    text("apply.sex." + id.sex().name()),
                    id.birthDate(),
                    age,
                    draft.planYear());
        } catch (InvalidValueException e) {
            return null;
        }
    }

    private <T> T call(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (InvalidValueException e) {
            fieldError(e.field(), e.getMessage());
            return null;
        } catch (EJBException e) {
            failed(e);
            return null;
        }
    }

    private void act(Runnable action, String field) {
        try {
            action.run();
        } catch (InvalidValueException e) {
            fieldError(field != null ? field : e.field(), e.getMessage());
        } catch (EJBException e) {
            failed(e);
        }
    }

    private void failed(EJBException e) {
        // The boundary's transaction rolled back: what was saved before is still there.
        LOG.log(Level.WARNING, "Application step failed", e);
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text("action.failed"), null));
    }

    private void fieldError(String field, String message) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String clientId = field != null && STEP_FIELDS.contains(field) ? FORM + ":" + field : null;
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        if (clientId != null) {
            // also at the top, so a screen reader and a parent who scrolled both learn of it
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        }
    }

    private static void info(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }

    private static String text(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle ui = faces.getApplication().getResourceBundle(faces, "ui");
        return ui.getString(key);
    }

    private static final List<String> STEP_FIELDS = List.of(
            "stage",
            "type",
            "childName",
            "childId",
            "townCode",
            "community",
            "compound",
            "building",
            "detail",
            "guardianName",
            "guardianId",
            "guardianRelation",
            "guardianPhone",
            "certificateNumber",
            "permitIssueDate",
            "permitValidUntil",
            "permitAuthority",
            "permitAddress",
            "contactName",
            "contactId",
            "contactRelation",
            "contactPhone",
            "consent",
            "choices",
            "proofKind",
            "proofUpload");

    // what the page reads

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public ApplicationForm getForm() {
        return form;
    }

    public ApplicationViews.Draft getDraft() {
        return draft;
    }

    public int getStep() {
        return step;
    }

    public String getStepName() {
        return step >= DONE ? "done" : STEPS.get(step);
    }

    public boolean isDone() {
        return done;
    }

    public boolean isCounter() {
        return draft != null && draft.channel() == Channel.COUNTER;
    }

    public boolean isSubmitted() {
        return draft != null && draft.caseNumber() != null;
    }

    /** The chosen stage's window is open (or no stage chosen yet): the form may be filled in. */
    public boolean isWindowOpen() {
        return draft == null
                || draft.window().map(ApplicationViews.StageWindow::open).orElse(form.getStage() == null);
    }

    /** "2027年7月1日 08:30 至 2027年7月31日 17:00" for the chosen stage, or empty. */
    public String getWindowText() {
        return draft == null
                ? ""
                : draft.window()
                        .map(w -> MOMENT.format(w.opens()) + " 至 " + MOMENT.format(w.closes()))
                        .orElse("");
    }

    /** Whether the chosen stage's window is still to come (else it has passed). */
    public boolean isWindowAhead() {
        return draft != null
                && draft.window()
                        .map(w -> w.opens().isAfter(java.time.Instant.now()))
                        .orElse(false);
    }

    /** Each stage with its window, for the first step's choice. */
    public Map<String, String> getStageWindows() {
        Map<String, String> windows = new LinkedHashMap<>();
        if (draft != null) {
            draft.windows()
                    .forEach(w -> windows.put(
                            w.stage(),
                            MOMENT.format(w.opens()) + " 至 " + MOMENT.format(w.closes())
                                    + (w.open() ? "" : "（" + text("apply.window.closed") + "）")));
        }
        return windows;
    }

    public List<String> getTowns() {
        return units.stream()
                .map(ApplicationViews.AddressUnit::townCode)
                .distinct()
                .toList();
    }

    public String townName(String code) {
        return units.stream()
                .filter(u -> u.townCode().equals(code))
                .map(ApplicationViews.AddressUnit::townName)
                .findFirst()
                .orElse(code);
    }

    public List<String> getCommunities() {
        String town = form == null ? null : form.getTownCode();
        return units.stream()
                .filter(u -> u.townCode().equals(town))
                .map(ApplicationViews.AddressUnit::community)
                .distinct()
                .toList();
    }

    public List<String> getCompounds() {
        String town = form == null ? null : form.getTownCode();
        String community = form == null ? null : form.getCommunity();
        return units.stream()
                .filter(u -> u.townCode().equals(town) && u.community().equals(community) && u.compound() != null)
                .map(ApplicationViews.AddressUnit::compound)
                .distinct()
                .toList();
    }

    public List<Relation> getRelations() {
        return List.of(Relation.values()).subList(1, Relation.values().length);
    }

    public List<Proof> getProofKinds() {
        List<Proof> kinds = new ArrayList<>();
        if (records != null) {
            records.proofsNeeded().forEach(n -> {
                if (!kinds.contains(n.proof())) {
                    kinds.add(n.proof());
                }
            });
        }
        for (Proof p : Proof.values()) {
            if (!kinds.contains(p)) {
                kinds.add(p);
            }
        }
        return kinds;
    }

    public String getChildSummary() {
        return childSummary;
    }

    public ApplicationViews.Records getRecords() {
        return records;
    }

    public List<ApplicationViews.SchoolOption> getSchools() {
        return schools;
    }

    public boolean isPrivateSchoolsOffered() {
        return maxChoices > 0 && schools.stream().anyMatch(ApplicationViews.SchoolOption::privateSchool);
    }

    public int getMaxChoices() {
        return maxChoices;
    }

    public List<ApplicationViews.SchoolOption> getZoneSchools() {
        return schools.stream()
                .filter(ApplicationViews.SchoolOption::zoneSchool)
                .toList();
    }

    public List<ApplicationViews.SchoolOption> getPrivateSchools() {
        return schools.stream()
                .filter(ApplicationViews.SchoolOption::privateSchool)
                .toList();
    }

    public List<String> getSteps() {
        return STEPS;
    }

    public List<ApplicationViews.ProofFile> getProofs() {
        return proofs;
    }

    public String uploadedAt(ApplicationViews.ProofFile p) {
        return TIME.format(p.uploadedAt());
    }

    public String schoolName(String code) {
        return schools.stream()
                .filter(s -> s.code().equals(code))
                .map(ApplicationViews.SchoolOption::name)
                .findFirst()
                .orElse(code);
    }

    public List<String> getChoices() {
        return choices;
    }

    public void setChoices(List<String> choices) {
        this.choices = choices == null ? new ArrayList<>() : new ArrayList<>(choices);
    }

    public String getProofKind() {
        return proofKind;
    }

    public void setProofKind(String proofKind) {
        this.proofKind = proofKind;
    }
}
