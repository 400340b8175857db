package org.oneenroll.verification.control;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oneenroll.identity.entity.Address;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.policy.entity.Stage;
import org.oneenroll.verification.control.SourceFanOut.Question;
import org.oneenroll.verification.entity.ApplicationType;
import org.oneenroll.verification.entity.Declaration;
import org.oneenroll.verification.entity.DeclaredPermit;
import org.oneenroll.verification.entity.DeclaredPerson;
import org.oneenroll.verification.entity.EligibilityThresholds;
import org.oneenroll.verification.entity.GovernmentSource;
import org.oneenroll.verification.entity.PlanContext;
import org.oneenroll.verification.entity.PreferentialClaim;
import org.oneenroll.verification.entity.Relation;
import org.oneenroll.verification.entity.SourceAnswer;
import org.oneenroll.verification.entity.SourceFailure;
import org.oneenroll.verification.entity.SourceOutcome;
import org.oneenroll.verification.entity.ZoneUnits;

/**
 * A small hand-made county (two towns, two zones) and records shaped as the platform sends them over HTTP
 * (strings for dates and months), for tests that need exact control of every field.
 */
final class Fixtures {

    static final RegionCode COUNTY = RegionCode.of("620123");
    static final String FULL = "甘肃省兰州市榆中县";
    static final String TOWN = "620123100";
    static final String VILLAGE_TOWN = "620123101";
    static final ZoneUnits FIRST = new ZoneUnits(
            "620123-P-01", "城关第一小学学区", Set.of(TOWN + "/东关社区/兴隆小区", TOWN + "/东关社区/兴隆小区二期", TOWN + "/西关社区/金城花园"));
    static final ZoneUnits VILLAGE = new ZoneUnits("620123-P-02", "夏官营小学学区", Set.of(VILLAGE_TOWN + "/杨家沟村/二社"));
    static final LocalDate CHECK = LocalDate.of(2026, 6, 1);

    static final String HOME_LINE = FULL + "城关镇东关社区兴隆小区3号楼2单元501室";
    static final String CHILD_ID = "620123201910226866";
    static final String FATHER_ID = "620123198503041234";
    static final String MOTHER_ID = "62012319870512122X";
    static final String GRANDPA_ID = "620123195501011231";
    static final DeclaredPerson CHILD = new DeclaredPerson("朱怡可", CHILD_ID, Relation.CHILD);
    static final DeclaredPerson FATHER = new DeclaredPerson("朱国强", FATHER_ID, Relation.FATHER);
    static final DeclaredPerson MOTHER = new DeclaredPerson("李芳", MOTHER_ID, Relation.MOTHER);
    static final DeclaredPerson GRANDPA = new DeclaredPerson("朱建国", GRANDPA_ID, Relation.GRANDFATHER);

    private Fixtures() {}

    static PlanContext plan(EligibilityThresholds thresholds, Set<GovernmentSource> shared) {
        return new PlanContext(
                2026,
                Stage.PRIMARY,
                COUNTY,
                "榆中县",
                FULL,
                Map.of(TOWN, "城关镇", VILLAGE_TOWN, "夏官营镇"),
                List.of(FIRST, VILLAGE),
                shared,
                thresholds);
    }

    static PlanContext plan() {
        return plan(EligibilityThresholds.GANSU, PlanContext.ALL_SOURCES);
    }

    static Address home() {
        return Address.of(COUNTY, TOWN, "东关社区", "兴隆小区", null, "3号楼2单元501室");
    }

    static Declaration local(PlanContext plan) {
        return new Declaration(
                ApplicationType.LOCAL,
                CHILD,
                List.of(FATHER, MOTHER),
                List.of(),
                home(),
                List.of(),
                null,
                PreferentialClaim.NONE,
                plan);
    }

    static Declaration nonLocal(PlanContext plan, DeclaredPermit permit) {
        return new Declaration(
                ApplicationType.NON_LOCAL,
                CHILD,
                List.of(FATHER, MOTHER),
                List.of(),
                home(),
                permit == null ? List.of() : List.of(permit),
                null,
                PreferentialClaim.NONE,
                plan);
    }

    static Map<String, Object> hukou(
            String name, String regionCode, String address, String householder, String relation) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("idNumber", CHILD_ID);
        m.put("name", name);
        m.put("sex", "女");
        m.put("birthDate", "2019-10-22");
        m.put("ethnicity", "汉族");
        m.put("nativePlace", "甘肃榆中");
        m.put("birthPlace", "甘肃省兰州市榆中县");
        m.put("regionCode", regionCode);
        m.put("regionName", regionCode.equals("620123") ? FULL : "四川省成都市金牛区");
        m.put("address", address);
        m.put("issuingAuthority", "榆中县公安局");
        m.put("householdType", "家庭户");
        m.put("householdNumber", "486207886");
        m.put("householderName", householder);
        m.put("relationCode", "30");
        m.put("relationName", relation);
        return m;
    }

    static Map<String, Object> title(DeclaredPerson holder, String location, String regionCode) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("holderName", holder.name());
        m.put("holderIdNumber", holder.idNumber());
        m.put("certificateNumber", "甘(2019)榆中县不动产权第0001234号");
        m.put("rightType", "国有建设用地使用权/房屋所有权");
        m.put("rightNature", "出让/市场化商品房");
        m.put("registrationDate", "2019-05-20");
        m.put("locationRegionCode", regionCode);
        m.put("location", location);
        m.put("use", "成套住宅");
        m.put("status", "现势");
        m.put("coOwnershipType", "单独所有");
        m.put("holderShare", null);
        m.put("coOwners", List.of());
        return m;
    }

    static Map<String, Object> permit(DeclaredPerson holder, String issue, String until, String residence) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("idNumber", holder.idNumber());
        m.put("name", holder.name());
        m.put("sex", "男");
        m.put("ethnicity", "汉族");
        m.put("hukouLocation", "四川省成都市金牛区");
        m.put("residenceAddress", residence);
        m.put("issuingAuthority", "榆中县公安局");
        m.put("issueDate", issue);
        m.put("validUntil", until);
        m.put("valid", true);
        return m;
    }

    static Map<String, Object> rental(DeclaredPerson tenant, String location, String start, String end) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("registrationNumber", "榆中租备2025-000123");
        m.put("landlordName", "王大山");
        m.put("landlordIdNumber", "620123196001011234");
        m.put("tenantName", tenant.name());
        m.put("tenantIdNumber", tenant.idNumber());
        m.put("locationRegionCode", "620123");
        m.put("location", location);
        m.put("titleNumber", "甘(2010)榆中县不动产权第0000001号");
        m.put("leaseStart", start);
        m.put("leaseEnd", end);
        return m;
    }

    /** Social insurance paid every month from {@code first} to {@code last}, without the months in {@code gaps}. */
    static Map<String, Object> insurance(DeclaredPerson insured, String first, String last, String... gaps) {
        List<String> months = new ArrayList<>();
        for (YearMonth m = YearMonth.parse(first); !m.isAfter(YearMonth.parse(last)); m = m.plusMonths(1)) {
            if (!List.of(gaps).contains(m.toString())) {
                months.add(m.toString());
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("idNumber", insured.idNumber());
        m.put("name", insured.name());
        m.put("employerName", "榆中县恒通商贸有限公司");
        m.put("insuranceType", "企业职工基本养老保险");
        m.put("paidMonths", months);
        m.put("currentMonth", "2026-06");
        m.put("startMonth", months.get(0));
        m.put("endMonth", months.get(months.size() - 1));
        m.put("monthsPaidLast24", 0);
        return m;
    }

    static Map<String, Object> birth(String childName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("certificateNumber", "X620001234");
        m.put("childName", childName);
        m.put("birthDate", "2019-10-22");
        m.put("fatherName", FATHER.name());
        m.put("fatherIdNumber", FATHER_ID);
        m.put("motherName", MOTHER.name());
        m.put("motherIdNumber", MOTHER_ID);
        return m;
    }

    /**
     * Answers for every question: FOUND with the records given for (source, person), NO_RECORD for the rest, and
     * SOURCE_ERROR for the sources listed as down.
     */
    static List<SourceAnswer> answers(
            List<Question> questions, Map<String, List<Map<String, Object>>> records, GovernmentSource... down) {
        List<SourceAnswer> out = new ArrayList<>();
        for (Question q : questions) {
            if (List.of(down).contains(q.source())) {
                out.add(SourceAnswer.failed(
                        q.source(),
                        SourceFailure.TIMEOUT,
                        "r",
                        Instant.EPOCH,
                        Duration.ofSeconds(2),
                        "no answer within 2000 ms"));
                continue;
            }
            List<Map<String, Object>> rows = records.getOrDefault(key(q.source(), q.idNumber()), List.of());
            out.add(new SourceAnswer(
                    q.source(),
                    rows.isEmpty() ? SourceOutcome.NO_RECORD : SourceOutcome.FOUND,
                    null,
                    rows,
                    1,
                    "r",
                    Instant.EPOCH,
                    Duration.ofMillis(200),
                    1,
                    null));
        }
        return out;
    }

    static String key(GovernmentSource source, String id) {
        return source + "|" + id;
    }
}
