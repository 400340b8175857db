package org.oneenroll.policy.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.oneenroll.identity.boundary.Regions;
import org.oneenroll.identity.entity.Region;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.policy.entity.FamilyCategory;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.policy.entity.WindowState;

/** The public texts as the pages get them: every text of the bundle, filled for 榆中县 and the 2027 plan. */
class GuidesTest {

    static final RegionCode YUZHONG = RegionCode.of("620123");
    static final Map<String, String> NAMES = Map.of("620123", "榆中县", "620000", "甘肃省");

    final Guides cut = new Guides();

    /** The county's published plan, if any, as {@code Plans.window} answers. */
    Optional<ApplicationWindow> published = Optional.of(new ApplicationWindow(
            "620123",
            2027,
            Stage.PRIMARY,
            Instant.parse("2027-07-01T00:30:00Z"),
            Instant.parse("2027-07-31T09:00:00Z"),
            LocalDate.of(2027, 8, 10),
            WindowState.NOT_YET_OPEN));

    /** The county's own wording in its published plan, as {@code Plans.publicTexts} answers. */
    Map<String, String> own = Map.of();

    GuidesTest() {
        cut.regions = new Regions() {
            @Override
            public Optional<Region> find(String code) {
                return Optional.ofNullable(NAMES.get(code)).map(GuidesTest::region);
            }

            @Override
            public String fullName(RegionCode county) {
                return "甘肃省 兰州市 榆中县";
            }
        };
        cut.plans = new Plans() {
            @Override
            public Optional<ApplicationWindow> window(RegionCode county, Stage stage) {
                return published;
            }

            @Override
            public Map<String, String> publicTexts(RegionCode county) {
                return own;
            }
        };
        cut.clock = Clock.fixed(Instant.parse("2026-11-21T02:00:00Z"), ZoneOffset.UTC);
    }

    static Region region(String name) {
        return new Region() {
            @Override
            public String name() {
                return name;
            }
        };
    }

    @Test
    void theGuideHasTheElevenSectionsOfTheProvincialTemplateFilledForTheCounty() {
        ServiceGuide guide = cut.guide(YUZHONG, Locale.SIMPLIFIED_CHINESE);

        assertEquals("榆中县义务教育入学办事指南", guide.title());
        assertEquals(
                List.of(
                        "一、事项名称", "二、申报条件", "三、办理方式", "四、受理机构", "五、法定依据", "六、申请材料", "七、办理流程", "八、办结时限", "九、收费",
                        "十、结果送达", "十一、咨询途径"),
                guide.sections().stream().map(ServiceGuide.Section::heading).toList());
        String text =
                guide.sections().stream().flatMap(s -> s.paragraphs().stream()).collect(Collectors.joining("\n"));
        assertTrue(text.contains("即2021年8月31日（含）以前出生"), text);
        assertTrue(text.contains("受理机构：榆中县教育局。"), text);
        assertTrue(text.contains("电话咨询：12345（工作日上午8:30—12:00，下午2:00—5:00）。"), text);
        assertTrue(text.contains("甘肃政务服务网、“甘快办”APP"), "Gansu's own portal: " + text);
        assertFalse(text.contains("{") || text.contains("}"), text);
    }

    @Test
    void settingsNameTheBureauItsAddressAndTheHotline() {
        System.setProperty(Guides.ADDRESS, "榆中县城关镇栖云北路1号");
        System.setProperty(Guides.HOTLINE, "0931-5555555");
        try {
            Contacts contacts = cut.contacts(YUZHONG, Locale.SIMPLIFIED_CHINESE);
            assertEquals("榆中县教育局", contacts.bureau());
            assertEquals("榆中县城关镇栖云北路1号", contacts.address());
            assertEquals("0931-5555555", contacts.hotline());
            assertEquals("甘肃政务服务网", contacts.portal());
            assertEquals(3, contacts.complaintRoutes().size());
            assertTrue(contacts.complaintRoutes().get(0).contains("12345"));
            assertTrue(contacts.complaintRoutes().get(2).contains("榆中县城关镇栖云北路1号"));
        } finally {
            System.clearProperty(Guides.ADDRESS);
            System.clearProperty(Guides.HOTLINE);
        }
    }

    @Test
    void publicSchoolsListEveryFamilyCategoryAndOnlyTheUnconfirmableProofMustBeShown() {
        MaterialList materials = cut.materials(YUZHONG, Locale.SIMPLIFIED_CHINESE);

        MaterialList.SchoolType publicSchools = materials.schoolTypes().get(0);
        assertEquals("公办小学、公办初中", publicSchools.name());
        assertEquals(
                Arrays.stream(FamilyCategory.values()).map(Enum::name).collect(Collectors.toSet()),
                publicSchools.groups().stream().map(MaterialList.Group::id).collect(Collectors.toSet()));
        MaterialList.Group renting = group(publicSchools, "HUKOU_ONLY_RENTING");
        assertEquals(
                List.of("户口本信息", "法定监护人身份证", "租房合同"),
                renting.needs().stream().map(MaterialList.Need::name).toList());
        MaterialList.Group migrant = group(publicSchools, "MIGRANT");
        assertTrue(migrant.needs().stream().anyMatch(n -> n.name().equals("居住证") && n.shared()));
        MaterialList.Group preferential = group(publicSchools, "PREFERENTIAL");
        assertFalse(preferential.needs().get(2).shared(), "no government data confirms a preferential status");

        MaterialList.SchoolType privateSchools = materials.schoolTypes().get(1);
        assertEquals(
                List.of("RESIDENT"),
                privateSchools.groups().stream().map(MaterialList.Group::id).toList());

        MaterialList.Material hukou = materials.catalog().get(0);
        assertEquals("户口簿", hukou.name());
        assertEquals("公安户籍信息", hukou.checkedBy());
        assertEquals("自动提取信息，核验通过免提交", hukou.online());
        assertEquals("原件及复印件各1份", hukou.counter());
        Set<String> catalogued = new HashSet<>(
                materials.catalog().stream().map(MaterialList.Material::id).toList());
        materials.schoolTypes().stream()
                .flatMap(t -> t.groups().stream())
                .flatMap(g -> g.needs().stream())
                .forEach(n -> assertTrue(catalogued.contains(n.id()), n.id()));
    }

    @Test
    void theFaqAnswersTheQuestionsParentsAskForThisYear() {
        List<Question> faq = cut.faq(YUZHONG, Locale.SIMPLIFIED_CHINESE);

        assertTrue(faq.size() >= 8 && faq.size() <= 12, "8 to 12 questions: " + faq.size());
        Question age = faq.get(0);
        assertEquals("孩子多大可以报名上小学？", age.question());
        assertTrue(age.answer().get(0).contains("须在2027年8月31日（含）前年满6周岁，即2021年8月31日（含）以前出生"));
        assertTrue(faq.stream().map(Question::id).toList().containsAll(List.of("lottery", "counter", "privacy")));
    }

    @Test
    void withoutAPublishedPlanTheYearIsTheComingIntake() {
        published = Optional.empty();
        List<Question> faq = cut.faq(YUZHONG, Locale.SIMPLIFIED_CHINESE);
        assertTrue(faq.get(0).answer().get(0).startsWith("2027年秋季入学"), "November 2026: next summer's intake");
    }

    @Test
    void everyTextReadsInEnglishToo() {
        ServiceGuide guide = cut.guide(YUZHONG, Locale.ENGLISH);
        assertEquals("1. Service name", guide.sections().get(0).heading());
        String all = Stream.of(
                        guide.sections().stream().flatMap(s -> s.paragraphs().stream()),
                        cut.faq(YUZHONG, Locale.ENGLISH).stream().flatMap(q -> q.answer().stream()),
                        cut.materials(YUZHONG, Locale.ENGLISH).notes().stream(),
                        cut.contacts(YUZHONG, Locale.ENGLISH).complaintRoutes().stream())
                .flatMap(s -> s)
                .collect(Collectors.joining("\n"));
        assertTrue(all.contains("born on or before 31 August 2021"), all);
        assertFalse(all.contains("{"), all);
    }

    @Test
    void theCountysOwnWordingInItsPublishedPlanReplacesTheTemplate() {
        own = Map.of(
                "contact.hotline", "0931-5222222",
                "contact.email", "zsb@yuzhong.example.cn",
                "guide.fee.text", "不收取任何费用，谨防诈骗。",
                "materials.PUBLIC.HUKOU_ONLY_RENTING", "HUKOU,RENTAL");

        Contacts contacts = cut.contacts(YUZHONG, Locale.SIMPLIFIED_CHINESE);
        assertEquals("0931-5222222", contacts.hotline());
        assertEquals("zsb@yuzhong.example.cn", contacts.email());
        ServiceGuide guide = cut.guide(YUZHONG, Locale.SIMPLIFIED_CHINESE);
        assertEquals(List.of("不收取任何费用，谨防诈骗。"), section(guide, "fee").paragraphs());
        assertTrue(
                section(guide, "consult").paragraphs().get(0).startsWith("电话咨询：0931-5222222"),
                "the template's other texts name the county's hotline too");
        MaterialList.Group renting = group(
                cut.materials(YUZHONG, Locale.SIMPLIFIED_CHINESE).schoolTypes().get(0), "HUKOU_ONLY_RENTING");
        assertEquals(
                List.of("户口本信息", "租房合同"),
                renting.needs().stream().map(MaterialList.Need::name).toList());
        assertEquals(
                List.of("不收取任何费用，谨防诈骗。"),
                section(cut.guide(YUZHONG, Locale.ENGLISH), "fee").paragraphs(),
                "the county's word stands in English too, rather than a template that may say otherwise");
    }

    @Test
    void theEditorStartsFromTheTemplateAsThePagesWouldShowItWithoutThePlan() {
        own = Map.of("contact.hotline", "0931-5222222");
        GuideDefaults defaults = cut.defaults(YUZHONG, 2028, Locale.SIMPLIFIED_CHINESE);

        Map<String, GuideDefaults.Text> texts =
                defaults.texts().stream().collect(Collectors.toMap(GuideDefaults.Text::key, t -> t));
        assertEquals("12345", texts.get("contact.hotline").text(), "the default, not the plan's own");
        assertEquals("招生咨询电话", texts.get("contact.hotline").label());
        assertEquals("二、申报条件", texts.get("guide.conditions.text").label());
        assertTrue(texts.get("guide.conditions.text").text().contains("2028年8月31日（含）前年满6周岁"), "the plan's year");
        assertEquals(5 + 1 + 11 + 2, defaults.texts().size(), "5 particulars, lead, 11 sections, notes, complaints");
        assertEquals(7, defaults.groups().size(), "6 public-school groups and the private one");
        assertEquals(
                List.of("HUKOU", "GUARDIAN_ID", "RENTAL"),
                defaults.groups().stream()
                        .filter(g -> g.key().equals("materials.PUBLIC.HUKOU_ONLY_RENTING"))
                        .findFirst()
                        .orElseThrow()
                        .ids());
        assertEquals("户口本信息", defaults.materials().get("HUKOU"));
    }

    private static ServiceGuide.Section section(ServiceGuide guide, String id) {
        return guide.sections().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static MaterialList.Group group(MaterialList.SchoolType type, String id) {
        return type.groups().stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
    }
}
