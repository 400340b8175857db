package org.oneenroll.web.policy;

import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.oneenroll.identity.entity.Address;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.policy.boundary.CountySetup;
import org.oneenroll.policy.boundary.ImportReport;
import org.oneenroll.policy.boundary.SchoolView;
import org.oneenroll.policy.boundary.SetupCounty;
import org.oneenroll.policy.entity.SchoolCapacity;
import org.oneenroll.policy.entity.SchoolDetails;
import org.oneenroll.policy.entity.SchoolOwnership;
import org.oneenroll.policy.entity.Stage;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.StreamedContent;

/**
 * 学校设置 ({@code /staff/schools.xhtml}): the county administrator lists the county's schools, adds or edits one in a
 * dialog, downloads the template, imports the school sheet (and reads the row-by-row report), exports the list; a
 * supervisor reads a county of their region. Every call goes to {@link CountySetup}, which enforces role and county.
 */
@Named
@ViewScoped
public class SchoolsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SchoolsView.class.getName());
    static final String FORM = "school";

    @Inject
    transient CountySetup setup;

    private String county;
    private SetupCounty setupCounty;
    private List<SchoolView> schools = List.of();
    private ImportReport report;
    private String reportSummary;

    // the dialog
    private Long version;
    private String code;
    private String name;
    private String ownership = SchoolOwnership.PUBLIC.name();
    private String townCode;
    private String community;
    private String compound;
    private String detail;
    private String phone;
    private boolean primary;
    private Integer primarySeats;
    private Integer primaryClasses;
    private boolean junior;
    private Integer juniorSeats;
    private Integer juniorClasses;

    /** The administrator's own county, or the one a supervisor typed. */
    public void load() {
        try {
            setupCounty = setup.county(blankToNull(county));
            schools = setup.schools(setupCounty.code());
        } catch (InvalidValueException e) {
            setupCounty = null;
            schools = List.of();
            SetupScreens.refuse("schools", "county", e);
        }
    }

    /** Opens the dialog empty. */
    public void create() {
        version = null;
        code = null;
        name = null;
        ownership = SchoolOwnership.PUBLIC.name();
        townCode = null;
        community = null;
        compound = null;
        detail = null;
        phone = null;
        primary = true;
        primarySeats = null;
        primaryClasses = null;
        junior = false;
        juniorSeats = null;
        juniorClasses = null;
    }

    /** Opens the dialog with a school's details and the version an edit must still match. */
    public void edit(SchoolView s) {
        version = s.version();
        code = s.code();
        name = s.name();
        ownership = s.ownership().name();
        townCode = s.townCode();
        community = s.community();
        compound = s.compound();
        detail = s.detail();
        phone = s.phone();
        primary = s.primarySeats() != null;
        primarySeats = s.primarySeats();
        primaryClasses = s.primaryClasses();
        junior = s.juniorSeats() != null;
        juniorSeats = s.juniorSeats();
        juniorClasses = s.juniorClasses();
    }

    public void save() {
        SchoolDetails details;
        try {
            details = details();
        } catch (Refusal r) {
            SetupScreens.refuse(FORM, r.component, r.cause);
            return;
        }
        try {
            SchoolView saved = setup.saveSchool(details, version);
            SetupScreens.info(SetupScreens.text(
                    version == null ? "setup.school.created" : "setup.school.saved", saved.name(), saved.code()));
            version = saved.version();
            schools = setup.schools(setupCounty.code());
        } catch (InvalidValueException e) {
            SetupScreens.refuse(FORM, component(e.field()), e);
        } catch (EJBException e) {
            failed(e);
        }
    }

    /** The sheet arrives: every good row is kept, the report lists every bad one with its reasons. */
    public void upload(FileUploadEvent event) {
        String fileName = event.getFile().getFileName();
        if (!SetupScreens.isXlsx(fileName)) {
            report = null;
            SetupScreens.error(SetupScreens.text("setup.upload.not-xlsx", fileName));
            return;
        }
        try {
            report = setup.importSchools(fileName, event.getFile().getContent());
            reportSummary = SetupScreens.summary(report, SetupScreens.text("setup.noun.schools"));
            schools = setup.schools(setupCounty.code());
            setupCounty = setup.county(setupCounty.code());
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
                SetupScreens.text("setup.schools.template-file"), setup.schoolTemplate(setupCounty.code()));
    }

    public StreamedContent export() {
        return SetupScreens.xlsx(
                SetupScreens.text("setup.schools.export-file", setupCounty.code()),
                setup.exportSchools(setupCounty.code()));
    }

    /** The typed dialog as checked details; a bad part is refused at its field before the boundary is asked. */
    private SchoolDetails details() {
        List<SchoolCapacity> capacities = new ArrayList<>();
        if (primary) {
            capacities.add(capacity(Stage.PRIMARY, primarySeats, primaryClasses, "primarySeats", "primaryClasses"));
        }
        if (junior) {
            capacities.add(capacity(Stage.JUNIOR, juniorSeats, juniorClasses, "juniorSeats", "juniorClasses"));
        }
        if (capacities.isEmpty()) {
            throw new Refusal(
                    "stages",
                    new InvalidValueException("stages", "field.required", SetupScreens.text("setup.school.stages")));
        }
        Address address;
        try {
            address = Address.of(RegionCode.of(setupCounty.code()), townCode, community, compound, null, detail);
        } catch (InvalidValueException e) {
            throw new Refusal(component(e.field()), e);
        }
        try {
            return new SchoolDetails(
                    code, name, SchoolOwnership.valueOf(ownership), address, phone, List.copyOf(capacities));
        } catch (InvalidValueException e) {
            throw new Refusal(component(e.field()), e);
        }
    }

    private static SchoolCapacity capacity(
            Stage stage, Integer seats, Integer classes, String seatsField, String classesField) {
        if (seats == null) {
            throw new Refusal(
                    seatsField,
                    new InvalidValueException(
                            "seats", "field.required", SetupScreens.text("setup.school.seats-of", stage.label())));
        }
        try {
            return new SchoolCapacity(stage, seats, classes == null ? 0 : classes);
        } catch (InvalidValueException e) {
            throw new Refusal(e.field().equals("classes") ? classesField : seatsField, e);
        }
    }

    /** The dialog's component for a refused field. */
    private static String component(String field) {
        return switch (field) {
            case "code", "name", "phone", "townCode", "community", "compound", "detail", "ownership" -> field;
            case "stages" -> "stages";
            default -> null;
        };
    }

    private static void failed(EJBException e) {
        // The boundary's transaction rolled back (a concurrent change, the database): nothing was changed.
        LOG.log(Level.WARNING, "County set-up action failed", e);
        SetupScreens.error(SetupScreens.text("action.failed"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A refused part of the dialog and the component that shows it. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String component;
        final InvalidValueException cause;

        Refusal(String component, InvalidValueException cause) {
            super(cause.getMessage(), null, false, false);
            this.component = component;
            this.cause = cause;
        }
    }

    public String lastImport() {
        return setupCounty == null ? "" : SetupScreens.last(setupCounty.lastSchoolImport());
    }

    public boolean isCanEdit() {
        return setupCounty != null && setupCounty.canEdit();
    }

    public boolean isEditing() {
        return version != null;
    }

    public SetupCounty getSetupCounty() {
        return setupCounty;
    }

    public List<SchoolView> getSchools() {
        return schools;
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

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getOwnership() {
        return ownership;
    }

    public void setOwnership(String ownership) {
        this.ownership = ownership;
    }

    public String getTownCode() {
        return townCode;
    }

    public void setTownCode(String townCode) {
        this.townCode = townCode;
    }

    public String getCommunity() {
        return community;
    }

    public void setCommunity(String community) {
        this.community = community;
    }

    public String getCompound() {
        return compound;
    }

    public void setCompound(String compound) {
        this.compound = compound;
    }

    public String getDetail() {
        return detail;
    }

    public void setDetail(String detail) {
        this.detail = detail;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public boolean isPrimary() {
        return primary;
    }

    public void setPrimary(boolean primary) {
        this.primary = primary;
    }

    public Integer getPrimarySeats() {
        return primarySeats;
    }

    public void setPrimarySeats(Integer primarySeats) {
        this.primarySeats = primarySeats;
    }

    public Integer getPrimaryClasses() {
        return primaryClasses;
    }

    public void setPrimaryClasses(Integer primaryClasses) {
        this.primaryClasses = primaryClasses;
    }

    public boolean isJunior() {
        return junior;
    }

    public void setJunior(boolean junior) {
        this.junior = junior;
    }

    public Integer getJuniorSeats() {
        return juniorSeats;
    }

    public void setJuniorSeats(Integer juniorSeats) {
        this.juniorSeats = juniorSeats;
    }

    public Integer getJuniorClasses() {
        return juniorClasses;
    }

    public void setJuniorClasses(Integer juniorClasses) {
        this.juniorClasses = juniorClasses;
    }
}
