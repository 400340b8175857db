package org.oneenroll.web.policy;

import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.boundary.CountySetup;
import org.oneenroll.policy.boundary.ImportReport;
import org.oneenroll.policy.boundary.SchoolView;
import org.oneenroll.policy.boundary.SetupCounty;
import org.oneenroll.policy.boundary.ZoneDetails;
import org.oneenroll.policy.boundary.ZoneView;
import org.oneenroll.policy.control.CoverageCheck;
import org.oneenroll.policy.entity.Stage;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.StreamedContent;

/**
 * 招生片区设置 ({@code /staff/zones.xhtml}): the county administrator sees the zones of a stage, opens one to see its
 * schools and address units, adds units from the county's address list (or a new one) and takes units out, defines or
 * edits zones, imports and exports the zone sheet, and reads the coverage report (addresses in no zone or in two);
 * a supervisor reads a county of their region. Every call goes to {@link CountySetup}.
 */
@Named
@ViewScoped
public class ZonesView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ZonesView.class.getName());
    static final String FORM = "zone";

    @Inject
    transient CountySetup setup;

    private String county;
    private SetupCounty setupCounty;
    private String stage = Stage.PRIMARY.name();
    private List<ZoneView> zones = List.of();
    private List<SchoolView> schools = List.of();
    private List<CoverageCheck.Unit> known = List.of();
    private CoverageCheck.Report coverage;
    private String selectedCode;
    private ImportReport report;
    private String reportSummary;

    // the zone dialog
    private Long zoneVersion;
    private String zoneCode;
    private String zoneName;
    private String zoneStage;
    private List<String> zoneSchools = new ArrayList<>();

    // adding units
    private List<String> chosenUnits = new ArrayList<>();
    private String newTown;
    private String newCommunity;
    private String newCompound;

    public void load() {
        try {
            setupCounty = setup.county(county == null || county.isBlank() ? null : county.strip());
            refresh();
        } catch (InvalidValueException e) {
            setupCounty = null;
            zones = List.of();
            coverage = null;
            SetupScreens.refuse("zones", "county", e);
        }
    }

    private void refresh() {
        String code = setupCounty.code();
        zones = setup.zones(code);
        schools = setup.schools(code);
        known = setup.units(code);
        coverage = setup.coverage(code);
        if (selectedCode != null && getSelected() == null) {
            selectedCode = null;
        }
    }

    public void selectStage() {
        selectedCode = null;
    }

    public void select(String code) {
        selectedCode = code;
        chosenUnits = new ArrayList<>();
    }

    public void createZone() {
        zoneVersion = null;
        zoneCode = null;
        zoneName = null;
        zoneStage = stage;
        zoneSchools = new ArrayList<>();
    }

    public void editZone() {
        ZoneView z = getSelected();
        zoneVersion = z.version();
        zoneCode = z.code();
        zoneName = z.name();
        zoneStage = z.stage().name();
        zoneSchools = new ArrayList<>(z.schoolCodes());
    }

    public void saveZone() {
        act(FORM, () -> {
            ZoneView saved = setup.saveZone(
                    new ZoneDetails(
                            zoneCode,
                            zoneName,
                            zoneStage == null ? null : Stage.valueOf(zoneStage),
                            new HashSet<>(zoneSchools)),
                    zoneVersion);
            zoneVersion = saved.version();
            stage = saved.stage().name();
            selectedCode = saved.code();
            SetupScreens.info(SetupScreens.text("setup.zone.saved", saved.name(), saved.code()));
        });
    }

    /** Puts the units chosen from the address list into the open zone. */
    public void addChosen() {
        if (chosenUnits.isEmpty()) {
            SetupScreens.error(SetupScreens.text("setup.units.none-chosen"));
            return;
        }
        act("zones", () -> {
            ZoneView z = setup.addUnits(selectedCode, chosenUnits);
            SetupScreens.info(SetupScreens.text("setup.units.added", chosenUnits.size(), z.name()));
            chosenUnits = new ArrayList<>();
        });
    }

    /** Lists a new unit (a new compound, say) and puts it into the open zone. */
    public void addNew() {
        act("zones", () -> {
            CoverageCheck.Unit unit = setup.listUnit(newTown, newCommunity, newCompound);
            ZoneView z = setup.addUnits(selectedCode, List.of(unit.key()));
            SetupScreens.info(SetupScreens.text("setup.units.added-one", unit.label(), z.name()));
            newCommunity = null;
            newCompound = null;
        });
    }

    /** Lists a new unit without a zone (it then shows as unzoned until a zone takes it). */
    public void listNew() {
        act("zones", () -> {
            CoverageCheck.Unit unit = setup.listUnit(newTown, newCommunity, newCompound);
            SetupScreens.info(SetupScreens.text("setup.units.listed", unit.label()));
            newCommunity = null;
            newCompound = null;
        });
    }

    public void remove(String unitKey) {
        act("zones", () -> {
            ZoneView z = setup.removeUnit(selectedCode, unitKey);
            SetupScreens.info(SetupScreens.text("setup.units.removed", label(unitKey), z.name()));
        });
    }

    /** From the coverage report: puts an unzoned unit into the open zone. */
    public void place(String unitKey) {
        act("zones", () -> {
            ZoneView z = setup.addUnits(selectedCode, List.of(unitKey));
            SetupScreens.info(SetupScreens.text("setup.units.added-one", label(unitKey), z.name()));
        });
    }

    /** From the coverage report: takes a unit typed by mistake off the address list. */
    public void forget(String unitKey) {
        act("zones", () -> {
            setup.forgetUnit(unitKey);
            SetupScreens.info(SetupScreens.text("setup.units.forgotten", label(unitKey)));
        });
    }

    public void upload(FileUploadEvent event) {
        String fileName = event.getFile().getFileName();
        if (!SetupScreens.isXlsx(fileName)) {
            report = null;
            SetupScreens.error(SetupScreens.text("setup.upload.not-xlsx", fileName));
            return;
        }
        try {
            report = setup.importZones(fileName, event.getFile().getContent());
            reportSummary = SetupScreens.summary(report, SetupScreens.text("setup.noun.zones"));
            setupCounty = setup.county(setupCounty.code());
            refresh();
        } catch (InvalidValueException e) {
            report = null;
            SetupScreens.error(e.getMessage());
        } catch (EJBException e) {
            report = null;
            failed(e);
        }
    }

    public StreamedContent template() {
        return SetupScreens.xlsx(
                SetupScreens.text("setup.zones.template-file"), setup.zoneTemplate(setupCounty.code()));
    }

    public StreamedContent export() {
        return SetupScreens.xlsx(
                SetupScreens.text("setup.zones.export-file", setupCounty.code()),
                setup.exportZones(setupCounty.code()));
    }

    private void act(String form, Runnable action) {
        try {
            action.run();
            refresh();
        } catch (InvalidValueException e) {
            SetupScreens.refuse(form, component(e.field()), e);
        } catch (EJBException e) {
            failed(e);
        }
    }

    private static String component(String field) {
        return switch (field) {
            case "code" -> "zoneCode";
            case "name" -> "zoneName";
            case "stage" -> "zoneStage";
            case "school", "schools" -> "zoneSchools";
            case "townCode" -> "newTown";
            case "community" -> "newCommunity";
            case "compound" -> "newCompound";
            default -> null;
        };
    }

    private String label(String unitKey) {
        return known.stream()
                .filter(u -> u.key().equals(unitKey))
                .findFirst()
                .map(CoverageCheck.Unit::label)
                .orElse(unitKey);
    }

    private static void failed(EJBException e) {
        // The boundary's transaction rolled back (a concurrent change, the database): nothing was changed.
        LOG.log(Level.WARNING, "County set-up action failed", e);
        SetupScreens.error(SetupScreens.text("action.failed"));
    }

    /** The zones of the chosen stage. */
    public List<ZoneView> getZonesOfStage() {
        return zones.stream().filter(z -> z.stage().name().equals(stage)).toList();
    }

    /** The open zone, or null. */
    public ZoneView getSelected() {
        return selectedCode == null
                ? null
                : zones.stream()
                        .filter(z -> z.code().equals(selectedCode))
                        .findFirst()
                        .orElse(null);
    }

    /** Units of the address list the open zone does not have yet. */
    public List<CoverageCheck.Unit> getAvailableUnits() {
        ZoneView z = getSelected();
        if (z == null) {
            return List.of();
        }
        Set<String> in = new HashSet<>();
        z.units().forEach(u -> in.add(u.key()));
        return known.stream().filter(u -> !in.contains(u.key())).toList();
    }

    /** Public schools teaching the dialog's stage: those that may serve the zone. */
    public List<SchoolView> getSchoolChoices() {
        String s = zoneStage == null ? stage : zoneStage;
        return schools.stream()
                .filter(SchoolView::publicSchool)
                .filter(x -> Stage.PRIMARY.name().equals(s) ? x.primarySeats() != null : x.juniorSeats() != null)
                .toList();
    }

    /** "片区3个，已划片地址120个；未划片区2个，重复划片1个" for a stage's heading. */
    public String counts(CoverageCheck.StageReport r) {
        return SetupScreens.text(
                "setup.coverage.counts",
                r.zones(),
                r.zonedUnits(),
                r.unzoned().size(),
                r.overlaps().size());
    }

    public String joined(List<String> values) {
        return String.join("、", values);
    }

    public List<CoverageCheck.StageReport> getCoverageStages() {
        return coverage == null ? List.of() : coverage.stages();
    }

    public String lastImport() {
        return setupCounty == null ? "" : SetupScreens.last(setupCounty.lastZoneImport());
    }

    public boolean isCanEdit() {
        return setupCounty != null && setupCounty.canEdit();
    }

    public boolean isEditingZone() {
        return zoneVersion != null;
    }

    public List<Stage> getStages() {
        return List.of(Stage.values());
    }

    public SetupCounty getSetupCounty() {
        return setupCounty;
    }

    public CoverageCheck.Report getCoverage() {
        return coverage;
    }

    public ImportReport getReport() {
        return report;
    }

    public String getReportSummary() {
        return reportSummary;
    }

    public String getCounty() {
        return county;
    }

    public void setCounty(String county) {
        this.county = county;
    }

    public String getStage() {
        return stage;
    }

    public void setStage(String stage) {
        this.stage = stage;
    }

    public String getSelectedCode() {
        return selectedCode;
    }

    public String getZoneCode() {
        return zoneCode;
    }

    public void setZoneCode(String zoneCode) {
        this.zoneCode = zoneCode;
    }

    public String getZoneName() {
        return zoneName;
    }

    public void setZoneName(String zoneName) {
        this.zoneName = zoneName;
    }

    public String getZoneStage() {
        return zoneStage;
    }

    public void setZoneStage(String zoneStage) {
        this.zoneStage = zoneStage;
    }

    public List<String> getZoneSchools() {
        return zoneSchools;
    }

    public void setZoneSchools(List<String> zoneSchools) {
        this.zoneSchools = zoneSchools == null ? new ArrayList<>() : new ArrayList<>(zoneSchools);
    }

    public List<String> getChosenUnits() {
        return chosenUnits;
    }

    public void setChosenUnits(List<String> chosenUnits) {
        this.chosenUnits = chosenUnits == null ? new ArrayList<>() : new ArrayList<>(chosenUnits);
    }

    public String getNewTown() {
        return newTown;
    }

    public void setNewTown(String newTown) {
        this.newTown = newTown;
    }

    public String getNewCommunity() {
        return newCommunity;
    }

    public void setNewCommunity(String newCommunity) {
        this.newCommunity = newCommunity;
    }

    public String getNewCompound() {
        return newCompound;
    }

    public void setNewCompound(String newCompound) {
        this.newCompound = newCompound;
    }
}
