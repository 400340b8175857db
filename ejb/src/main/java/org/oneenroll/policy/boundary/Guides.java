package org.oneenroll.policy.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oneenroll.identity.boundary.Regions;
import org.oneenroll.identity.entity.Region;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.platform.control.Clocks;
import org.oneenroll.platform.control.Settings;
import org.oneenroll.policy.control.GuideText;
import org.oneenroll.policy.entity.Stage;

/**
 * The county's public texts: service guide, material list, FAQ and where to ask or complain. The texts are the
 * defaults in the policy bundle {@code org/oneenroll/policy/guide*.properties}, filled with the county's name, the
 * plan year and the bureau's name, address, hours and hotline from the settings, except where the county's published
 * plan has its own wording ({@link Plans#publicTexts}): the plan editor shows these defaults to start from.
 */
@Stateless
public class Guides {

    static final String BUREAU = "oneenroll.bureau.name";
    static final String ADDRESS = "oneenroll.bureau.address";
    static final String HOURS = "oneenroll.bureau.hours";
    /** The same hotline the reallocation SMS names. */
    static final String HOTLINE = "oneenroll.admission.hotline";
    /** The provincial service portal and app that link to OneEnroll and take 12345 complaints. */
    static final String PORTAL = "oneenroll.portal.name";

    static final String APP = "oneenroll.portal.app";
    /** The bureau's e-mail for questions and complaints (seed 001 asks for it beside the phone); none by default. */
    static final String EMAIL = "oneenroll.bureau.email";

    /** The bureau's particulars a plan may set, by the placeholder each fills. */
    static final List<String> CONTACT_VALUES = List.of("bureau", "address", "hours", "hotline", "email");
    /** A plan's key for a bureau's particular, such as {@code contact.hotline}. */
    public static final String CONTACT_PREFIX = "contact.";

    @Inject
    Regions regions;

    @Inject
    Plans plans;

    @Inject
    Clock clock;

    /** The service guide (办事指南) with the eleven sections of the provincial template. */
    public ServiceGuide guide(RegionCode county, Locale locale) {
        GuideText t = text(county, locale);
        List<ServiceGuide.Section> sections = new ArrayList<>();
        for (String id : t.ids("guide.sections")) {
            sections.add(new ServiceGuide.Section(
                    id, t.text("guide." + id + ".heading"), t.paragraphs("guide." + id + ".text")));
        }
        return new ServiceGuide(regions.fullName(county), t.text("guide.title"), t.text("guide.lead"), sections);
    }

    /** The material list by school type and family group, with each material's particulars. */
    public MaterialList materials(RegionCode county, Locale locale) {
        GuideText t = text(county, locale);
        Map<String, MaterialList.Material> catalog = new LinkedHashMap<>();
        for (String id : t.ids("material.ids")) {
            String checkedBy = t.optional("material." + id + ".checked-by");
            catalog.put(
                    id,
                    new MaterialList.Material(
                            id,
                            t.text("material." + id + ".name"),
                            t.text("material." + id + ".fields"),
                            checkedBy,
                            t.text(checkedBy.isEmpty() ? "material.online.upload" : "material.online.checked"),
                            t.text("material.counter"),
                            t.optional("material." + id + ".note")));
        }
        List<MaterialList.SchoolType> types = new ArrayList<>();
        for (String type : t.ids("materials.school-types")) {
            List<MaterialList.Group> groups = new ArrayList<>();
            for (String group : t.ids("materials." + type + ".groups")) {
                List<MaterialList.Need> needs = new ArrayList<>();
                for (String id : t.ids("materials." + type + "." + group)) {
                    MaterialList.Material m = catalog.get(id);
                    if (m == null) {
                        throw new IllegalStateException("materials." + type + "." + group + " names " + id
                                + ", which material.ids does not list");
                    }
                    needs.add(new MaterialList.Need(id, t.text("material." + id + ".short"), m.shared()));
                }
                groups.add(new MaterialList.Group(
                        group,
                        t.text("materials.group." + group),
                        t.optional("materials.note." + group),
                        List.copyOf(needs)));
            }
            types.add(new MaterialList.SchoolType(type, t.text("materials.school-type." + type), List.copyOf(groups)));
        }
        return new MaterialList(
                t.text("materials.title"),
                t.text("materials.lead"),
                List.copyOf(types),
                List.copyOf(catalog.values()),
                t.paragraphs("materials.notes"));
    }

    /** The questions parents ask most, answered for this county and year. */
    public List<Question> faq(RegionCode county, Locale locale) {
        GuideText t = text(county, locale);
        return t.ids("faq.ids").stream()
                .map(id -> new Question(id, t.text("faq." + id + ".q"), t.paragraphs("faq." + id + ".a")))
                .toList();
    }

    /** The hotline, the counter and its hours, and the complaint routes (12345 and the provincial portal). */
    public Contacts contacts(RegionCode county, Locale locale) {
        GuideText t = text(county, locale);
        return new Contacts(
                regions.fullName(county),
                t.value("bureau"),
                t.value("address"),
                t.value("hours"),
                t.value("hotline"),
                t.value("portal"),
                t.value("app"),
                t.paragraphs("contact.complaint"),
                t.value("email"));
    }

    /**
     * What a plan of {@code year} may reword, as the public pages would show it without the plan's own texts: the
     * bureau's particulars, the guide's lead and sections, the material list's notes and groups, the complaint routes.
     * The plan editor starts from these; a plan stores only what differs.
     */
    public GuideDefaults defaults(RegionCode county, int year, Locale locale) {
        GuideText t = text(county, locale, year, Map.of());
        List<GuideDefaults.Text> texts = new ArrayList<>();
        for (String name : CONTACT_VALUES) {
            texts.add(new GuideDefaults.Text(
                    CONTACT_PREFIX + name,
                    GuideDefaults.Group.CONTACT,
                    label(locale, "plan.text." + CONTACT_PREFIX + name),
                    t.value(name),
                    false));
        }
        texts.add(new GuideDefaults.Text(
                "guide.lead",
                GuideDefaults.Group.GUIDE,
                label(locale, "plan.text.guide.lead"),
                t.text("guide.lead"),
                true));
        for (String id : t.ids("guide.sections")) {
            texts.add(new GuideDefaults.Text(
                    "guide." + id + ".text",
                    GuideDefaults.Group.GUIDE,
                    t.text("guide." + id + ".heading"),
                    t.text("guide." + id + ".text"),
                    true));
        }
        texts.add(new GuideDefaults.Text(
                "materials.notes",
                GuideDefaults.Group.MATERIALS,
                label(locale, "plan.text.materials.notes"),
                t.text("materials.notes"),
                true));
        texts.add(new GuideDefaults.Text(
                "contact.complaint",
                GuideDefaults.Group.CONTACT,
                label(locale, "plan.text.contact.complaint"),
                t.text("contact.complaint"),
                true));
        Map<String, String> catalog = new LinkedHashMap<>();
        t.ids("material.ids").forEach(id -> catalog.put(id, t.text("material." + id + ".short")));
        List<GuideDefaults.MaterialGroup> groups = new ArrayList<>();
        for (String type : t.ids("materials.school-types")) {
            for (String group : t.ids("materials." + type + ".groups")) {
                String key = "materials." + type + "." + group;
                groups.add(new GuideDefaults.MaterialGroup(
                        key,
                        t.text("materials.school-type." + type) + " · " + t.text("materials.group." + group),
                        t.ids(key)));
            }
        }
        return new GuideDefaults(List.copyOf(texts), List.copyOf(groups), catalog);
    }

    private static String label(Locale locale, String key) {
        return org.oneenroll.platform.control.Messages.format(locale, key);
    }

    /** The bundle filled with this county's values, with the texts of its published plan in place of the bundle's. */
    GuideText text(RegionCode county, Locale locale) {
        return text(county, locale, planYear(county), plans.publicTexts(county));
    }

    /**
     * The bundle filled for a plan year: the plan's particulars where it has them, else the settings, else the
     * bundle's defaults; the plan's texts in place of the bundle's.
     */
    GuideText text(RegionCode county, Locale locale, int year, Map<String, String> own) {
        Map<String, String> values = new HashMap<>();
        values.put("county", regions.fullName(county));
        values.put("countyShort", nameOf(county));
        values.put("province", nameOf(county.province()));
        values.put("year", String.valueOf(year));
        values.put("birthYear", String.valueOf(year - 6));
        GuideText defaults = GuideText.of(locale, values);
        String province = county.value().substring(0, 2);
        values.put("bureau", setting(BUREAU, defaults, "default.bureau"));
        values.put("address", setting(ADDRESS, defaults, "default.address"));
        values.put("hours", setting(HOURS, defaults, "default.hours"));
        values.put("hotline", setting(HOTLINE, defaults, "default.hotline"));
        values.put("email", Settings.value(EMAIL).orElse(""));
        values.put("portal", setting(PORTAL, defaults, provincial(defaults, "default.portal", province)));
        values.put("app", setting(APP, defaults, provincial(defaults, "default.app", province)));
        Map<String, String> texts = new HashMap<>();
        own.forEach((key, body) -> {
            if (key.startsWith(CONTACT_PREFIX) && CONTACT_VALUES.contains(key.substring(CONTACT_PREFIX.length()))) {
                values.put(key.substring(CONTACT_PREFIX.length()), body);
            } else {
                texts.put(key, body);
            }
        });
        return GuideText.of(locale, values, texts);
    }

    private static String setting(String property, GuideText defaults, String defaultKey) {
        return Settings.value(property).orElseGet(() -> defaults.text(defaultKey));
    }

    /** The province's own portal name where the bundle knows it ({@code default.portal.62}), else the generic one. */
    private static String provincial(GuideText defaults, String key, String province) {
        return defaults.optional(key + "." + province).isEmpty() ? key : key + "." + province;
    }

    private String nameOf(RegionCode code) {
        return regions.find(code.value()).map(Region::name).orElse(code.value());
    }

    /** The year of the county's published plan, else the coming intake (from September on, next summer's). */
    private int planYear(RegionCode county) {
        return plans.window(county, Stage.PRIMARY)
                .or(() -> plans.window(county, Stage.JUNIOR))
                .map(ApplicationWindow::year)
                .orElseGet(() -> {
                    LocalDate today = LocalDate.now(clock.withZone(Clocks.SHANGHAI));
                    return today.getMonthValue() >= 9 ? today.getYear() + 1 : today.getYear();
                });
    }
}
