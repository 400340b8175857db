package org.oneenroll.simulator.govdata;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.oneenroll.simulator.population.AffordableHousingRecord;
import org.oneenroll.simulator.population.BirthCertificateRecord;
import org.oneenroll.simulator.population.CoOwner;
import org.oneenroll.simulator.population.EnterpriseLicenceRecord;
import org.oneenroll.simulator.population.Family;
import org.oneenroll.simulator.population.GovRecords;
import org.oneenroll.simulator.population.HukouRecord;
import org.oneenroll.simulator.population.IndividualBusinessLicenceRecord;
import org.oneenroll.simulator.population.MarriageRecord;
import org.oneenroll.simulator.population.Person;
import org.oneenroll.simulator.population.PurchaseContractRecord;
import org.oneenroll.simulator.population.RealEstateTitleRecord;
import org.oneenroll.simulator.population.RentalRegistrationRecord;
import org.oneenroll.simulator.population.ResidencePermitRecord;
import org.oneenroll.simulator.population.SocialInsuranceRecord;

/**
 * The eleven data sources of seed 001 附件3 as the platform publishes them: URL slug, Chinese name, provider, the
 * wire fields (English name, Chinese name) and which of a family's records answer a query for one identity number.
 * The wire names are this table's, not the generator's, so refactoring the generator cannot change the API.
 */
public enum Source {
    HUKOU(
            "hukou",
            "户籍信息",
            "省公安厅",
            "the person (身份证号)",
            table(
                    GovRecords::hukou,
                    (r, s) -> r.idNumber().equals(s.idNumber()),
                    List.of(
                            field("idNumber", "身份证号", HukouRecord::idNumber),
                            field("name", "姓名", HukouRecord::name),
                            field("sex", "性别", HukouRecord::sex),
                            field("birthDate", "出生日期", HukouRecord::birthDate),
                            field("ethnicity", "民族", HukouRecord::ethnicity),
                            field("nativePlace", "籍贯", HukouRecord::nativePlace),
                            field("birthPlace", "出生地", HukouRecord::birthPlace),
                            field("regionCode", "户籍地区划代码", HukouRecord::regionCode),
                            field("regionName", "户籍地区划名称", HukouRecord::regionName),
                            field("address", "户籍地址详址", HukouRecord::address),
                            field("issuingAuthority", "发证机关", HukouRecord::issuingAuthority),
                            field("householdType", "户口类型", HukouRecord::householdType),
                            field("householdNumber", "户号", HukouRecord::householdNumber),
                            field("householderName", "户主名称", HukouRecord::householderName),
                            field("relationCode", "与户主关系（代码）", HukouRecord::relationCode),
                            field("relationName", "与户主关系（名称）", HukouRecord::relationName)))),

    RESIDENCE_PERMIT(
            "residence-permit",
            "居住证信息",
            "省公安厅",
            "the holder (公民身份号码)",
            table(
                    GovRecords::residencePermits,
                    (r, s) -> r.idNumber().equals(s.idNumber()),
                    List.of(
                            field("idNumber", "公民身份号码", ResidencePermitRecord::idNumber),
                            field("name", "姓名", ResidencePermitRecord::name),
                            field("sex", "性别", ResidencePermitRecord::sex),
                            field("ethnicity", "民族", ResidencePermitRecord::ethnicity),
                            field("hukouLocation", "户籍所在地", ResidencePermitRecord::hukouLocation),
                            field("residenceAddress", "现居住地址", ResidencePermitRecord::residenceAddress),
                            field("issuingAuthority", "签发机关", ResidencePermitRecord::issuingAuthority),
                            field("issueDate", "签发日期（有效期限起）", ResidencePermitRecord::issueDate),
                            field("validUntil", "有效日期（有效期限止）", ResidencePermitRecord::validUntil),
                            derived(
                                    "valid",
                                    "是否在有效期内",
                                    (r, asOf) -> !asOf.isBefore(r.issueDate()) && !asOf.isAfter(r.validUntil()))))),

    REAL_ESTATE_TITLE(
            "real-estate-title",
            "不动产权证信息",
            "省自然资源厅",
            "the holder or a co-owner (权利人身份证号)",
            table(
                    GovRecords::realEstateTitles,
                    (r, s) -> r.holderIdNumber().equals(s.idNumber())
                            || r.coOwners().stream().anyMatch(c -> c.idNumber().equals(s.idNumber())),
                    List.of(
                            field("holderName", "权利人名称", RealEstateTitleRecord::holderName),
                            field("holderIdNumber", "权利人身份证号", RealEstateTitleRecord::holderIdNumber),
                            field("certificateNumber", "不动产证书号", RealEstateTitleRecord::certificateNumber),
                            field("rightType", "权利类型", RealEstateTitleRecord::rightType),
                            field("rightNature", "权利性质", RealEstateTitleRecord::rightNature),
                            field("registrationDate", "登记日期", RealEstateTitleRecord::registrationDate),
                            field("locationRegionCode", "房屋坐落区划", RealEstateTitleRecord::locationRegionCode),
                            field("location", "房屋坐落", RealEstateTitleRecord::location),
                            field("use", "房屋用途", RealEstateTitleRecord::use),
                            field("status", "房屋状态", RealEstateTitleRecord::status),
                            field("coOwnershipType", "共有方式（共有情况）", RealEstateTitleRecord::coOwnershipType),
                            field("holderShare", "共有份额（权利人）", RealEstateTitleRecord::holderShare),
                            field("coOwners", "共有人（姓名、身份证号、共有份额）", r -> coOwners(r.coOwners()))))),

    PURCHASE_CONTRACT(
            "purchase-contract",
            "网签购房合同信息",
            "省住房和城乡建设厅",
            "the buyer (购房人证件号码), or a co-buyer named in 共有方式及权利份额",
            table(
                    GovRecords::purchaseContracts,
                    (r, s) -> r.buyerIdNumber().equals(s.idNumber())
                            || s.person()
                                    .filter(p -> !r.coOwnership().equals("单独所有")
                                            && r.coOwnership().contains(p.name()))
                                    .isPresent(),
                    List.of(
                            field("contractNumber", "购房合同号", PurchaseContractRecord::contractNumber),
                            field("buyerName", "购房人名称", PurchaseContractRecord::buyerName),
                            field("buyerIdNumber", "购房人证件号码", PurchaseContractRecord::buyerIdNumber),
                            field("coOwnership", "共有方式及权利份额", PurchaseContractRecord::coOwnership),
                            field("transactionDate", "交易时间", PurchaseContractRecord::transactionDate),
                            field("agreedDeliveryDate", "约定交付日期", PurchaseContractRecord::agreedDeliveryDate),
                            field("locationRegionCode", "房屋坐落区划", PurchaseContractRecord::locationRegionCode),
                            field("location", "坐落地址", PurchaseContractRecord::location),
                            field("plannedUse", "规划用途/设计用途", PurchaseContractRecord::plannedUse)))),

    RENTAL_REGISTRATION(
            "rental-registration",
            "房屋租赁备案信息",
            "省住房和城乡建设厅",
            "the tenant (承租人身份证号) or the landlord (出租人身份证号)",
            table(
                    GovRecords::rentalRegistrations,
                    (r, s) -> r.tenantIdNumber().equals(s.idNumber())
                            || r.landlordIdNumber().equals(s.idNumber()),
                    List.of(
                            field("registrationNumber", "备案证书编号", RentalRegistrationRecord::registrationNumber),
                            field("landlordName", "出租人", RentalRegistrationRecord::landlordName),
                            field("landlordIdNumber", "出租人身份证号", RentalRegistrationRecord::landlordIdNumber),
                            field("tenantName", "承租人", RentalRegistrationRecord::tenantName),
                            field("tenantIdNumber", "承租人身份证号", RentalRegistrationRecord::tenantIdNumber),
                            field("locationRegionCode", "房屋坐落区划", RentalRegistrationRecord::locationRegionCode),
                            field("location", "房屋坐落", RentalRegistrationRecord::location),
                            field("titleNumber", "产权证号码", RentalRegistrationRecord::titleNumber),
                            field("leaseStart", "承租期限（起始）", RentalRegistrationRecord::leaseStart),
                            field("leaseEnd", "承租期限（截止）", RentalRegistrationRecord::leaseEnd)))),

    AFFORDABLE_HOUSING(
            "affordable-housing",
            "保障性住房信息",
            "省住房和城乡建设厅",
            "any household member (身份证号码); the answer lists every member of that contract",
            new Table<>(
                    (f, s) -> householdOf(f.records().affordableHousing(), s),
                    List.of(
                            field("regionCode", "房屋地址区划", AffordableHousingRecord::regionCode),
                            field("address", "房屋地址", AffordableHousingRecord::address),
                            field(
                                    "relationToMainApplicant",
                                    "与主申请人关系",
                                    AffordableHousingRecord::relationToMainApplicant),
                            field("memberName", "家庭成员姓名", AffordableHousingRecord::memberName),
                            field("memberIdNumber", "身份证号码", AffordableHousingRecord::memberIdNumber),
                            field("contractStatus", "合同状态", AffordableHousingRecord::contractStatus),
                            field("reviewStatus", "审核状态", AffordableHousingRecord::reviewStatus),
                            field("contractStart", "合同开始时间", AffordableHousingRecord::contractStart),
                            field("supportType", "保障情况", AffordableHousingRecord::supportType),
                            field("contractEnd", "合同终止时间", AffordableHousingRecord::contractEnd),
                            field("applicationNumber", "申购证号", AffordableHousingRecord::applicationNumber)))),

    INDIVIDUAL_BUSINESS_LICENCE(
            "individual-business-licence",
            "营业执照（个体工商户）信息",
            "省市场监督管理局",
            "the operator (身份证号)",
            table(
                    GovRecords::individualBusinessLicences,
                    (r, s) -> r.operatorIdNumber().equals(s.idNumber()),
                    List.of(
                            field("operatorName", "经营者姓名", IndividualBusinessLicenceRecord::operatorName),
                            field("operatorIdNumber", "身份证号", IndividualBusinessLicenceRecord::operatorIdNumber),
                            field("creditCode", "统一社会信用代码", IndividualBusinessLicenceRecord::creditCode),
                            field("establishedDate", "成立日期", IndividualBusinessLicenceRecord::establishedDate),
                            field("premisesAddress", "经营场所地址", IndividualBusinessLicenceRecord::premisesAddress),
                            field(
                                    "premisesRegionCode",
                                    "经营地区划",
                                    IndividualBusinessLicenceRecord::premisesRegionCode)))),

    ENTERPRISE_LICENCE(
            "enterprise-licence",
            "营业执照（企业法人）信息",
            "省市场监督管理局",
            "the operator (法定代表人身份证号; 附件3 has no ID field, the registry links it)",
            table(
                    GovRecords::enterpriseLicences,
                    (r, s) -> s.person()
                            .filter(p -> p.name().equals(r.operatorName()))
                            .isPresent(),
                    List.of(
                            field("enterpriseName", "企业名称", EnterpriseLicenceRecord::enterpriseName),
                            field("creditCode", "统一社会信用代码", EnterpriseLicenceRecord::creditCode),
                            field("licenceName", "营业执照名称", EnterpriseLicenceRecord::licenceName),
                            field("operatorName", "经营者姓名", EnterpriseLicenceRecord::operatorName),
                            field("registrationDate", "注册日期", EnterpriseLicenceRecord::registrationDate),
                            field("registeredAddress", "注册地址", EnterpriseLicenceRecord::registeredAddress),
                            field("registeredRegionCode", "注册地区划", EnterpriseLicenceRecord::registeredRegionCode)))),

    SOCIAL_INSURANCE(
            "social-insurance",
            "社保参保缴费信息",
            "省人力资源和社会保障厅",
            "the insured (身份证号)",
            table(
                    GovRecords::socialInsurance,
                    (r, s) -> r.idNumber().equals(s.idNumber()),
                    List.of(
                            field("idNumber", "身份证号", SocialInsuranceRecord::idNumber),
                            field("name", "姓名", SocialInsuranceRecord::name),
                            field("employerName", "参保单位名称", SocialInsuranceRecord::employerName),
                            field("insuranceType", "参保险种", SocialInsuranceRecord::insuranceType),
                            field("paidMonths", "缴纳年月（账期）", SocialInsuranceRecord::paidMonths),
                            derived("currentMonth", "当前时间", (r, asOf) -> YearMonth.from(asOf)),
                            field("startMonth", "起始时间", SocialInsuranceRecord::firstMonth),
                            field("endMonth", "结束时间", SocialInsuranceRecord::lastMonth),
                            derived(
                                    "monthsPaidLast24",
                                    "近两年的累计缴纳月数",
                                    (r, asOf) -> r.monthsInLastTwoYears(
                                            YearMonth.from(asOf).minusMonths(1)))))),

    MARRIAGE(
            "marriage",
            "婚姻登记信息",
            "省民政厅",
            "either spouse (男方/女方身份证号)",
            table(
                    GovRecords::marriages,
                    (r, s) -> r.husbandIdNumber().equals(s.idNumber())
                            || r.wifeIdNumber().equals(s.idNumber()),
                    List.of(
                            field("husbandIdNumber", "男方身份证号", MarriageRecord::husbandIdNumber),
                            field("husbandName", "男方姓名", MarriageRecord::husbandName),
                            field("wifeIdNumber", "女方身份证号", MarriageRecord::wifeIdNumber),
                            field("wifeName", "女方姓名", MarriageRecord::wifeName),
                            field("registrationDate", "登记日期", MarriageRecord::registrationDate),
                            field("status", "婚姻状态", MarriageRecord::status)))),

    BIRTH_CERTIFICATE(
            "birth-certificate",
            "出生医学证明信息",
            "省卫生健康委员会",
            "the child (儿童身份证号, matched on name and birth date) or a parent (父亲/母亲身份证号)",
            table(
                    GovRecords::birthCertificates,
                    (r, s) -> r.fatherIdNumber().equals(s.idNumber())
                            || r.motherIdNumber().equals(s.idNumber())
                            || s.person()
                                    .filter(p -> p.name().equals(r.childName())
                                            && p.birthDate().equals(r.birthDate()))
                                    .isPresent(),
                    List.of(
                            field("certificateNumber", "出生证号", BirthCertificateRecord::certificateNumber),
                            field("childName", "儿童姓名", BirthCertificateRecord::childName),
                            field("birthDate", "出生日期", BirthCertificateRecord::birthDate),
                            field("fatherName", "父亲姓名", BirthCertificateRecord::fatherName),
                            field("fatherIdNumber", "父亲身份证号", BirthCertificateRecord::fatherIdNumber),
                            field("motherName", "母亲姓名", BirthCertificateRecord::motherName),
                            field("motherIdNumber", "母亲身份证号", BirthCertificateRecord::motherIdNumber))));

    private final String slug;
    private final String chineseName;
    private final String provider;
    private final String queriedBy;
    private final Table<?> table;

    Source(String slug, String chineseName, String provider, String queriedBy, Table<?> table) {
        this.slug = slug;
        this.chineseName = chineseName;
        this.provider = provider;
        this.queriedBy = queriedBy;
        this.table = table;
    }

    /** The path segment: {@code /api/v1/sources/{slug}/query}. */
    public String slug() {
        return slug;
    }

    public String chineseName() {
        return chineseName;
    }

    /** The department that owns the data (数据提供单位). */
    public String provider() {
        return provider;
    }

    /** Whose identity number finds a record, in words for the catalogue. */
    public String queriedBy() {
        return queriedBy;
    }

    /** The wire fields in answer order. */
    public List<SourceField<?>> fields() {
        return List.copyOf(table.fields);
    }

    public static Optional<Source> bySlug(String slug) {
        for (Source s : values()) {
            if (s.slug.equals(slug)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The answer rows for {@code subject} in {@code family}, each a field map in wire order. */
    List<Map<String, Object>> answer(Family family, Subject subject, LocalDate asOf) {
        return table.answer(family, subject, asOf);
    }

    /**
     * Who is asked about: the identity number, and the family member holding it when there is one (a landlord is
     * only a number on a lease).
     */
    record Subject(String idNumber, Optional<Person> person) {}

    /** A source's finder and fields, typed by its record. */
    private static final class Table<R> {
        private final BiFunction<Family, Subject, List<R>> finder;
        private final List<SourceField<R>> fields;

        Table(BiFunction<Family, Subject, List<R>> finder, List<SourceField<R>> fields) {
            this.finder = finder;
            this.fields = fields;
        }

        List<Map<String, Object>> answer(Family family, Subject subject, LocalDate asOf) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (R r : finder.apply(family, subject)) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (SourceField<R> f : fields) {
                    row.put(f.name(), f.read(r, asOf));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static <R> Table<R> table(
            Function<GovRecords, List<R>> records, BiPredicate<R, Subject> matches, List<SourceField<R>> fields) {
        return new Table<>(
                (f, s) -> records.apply(f.records()).stream()
                        .filter(r -> matches.test(r, s))
                        .toList(),
                fields);
    }

    private static <R> SourceField<R> field(String name, String chinese, Function<R, Object> reader) {
        return new SourceField<>(name, chinese, (r, asOf) -> reader.apply(r));
    }

    private static <R> SourceField<R> derived(String name, String chinese, BiFunction<R, LocalDate, Object> reader) {
        return new SourceField<>(name, chinese, reader);
    }

    private static List<Map<String, Object>> coOwners(List<CoOwner> owners) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CoOwner c : owners) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("idNumber", c.idNumber());
            m.put("share", c.share());
            out.add(m);
        }
        return out;
    }

    /** Every row of the public-housing contracts the subject belongs to: the household, as the registry lists it. */
    private static List<AffordableHousingRecord> householdOf(List<AffordableHousingRecord> rows, Subject s) {
        List<String> contracts = rows.stream()
                .filter(r -> r.memberIdNumber().equals(s.idNumber()))
                .map(AffordableHousingRecord::applicationNumber)
                .distinct()
                .toList();
        return rows.stream()
                .filter(r -> contracts.contains(r.applicationNumber()))
                .toList();
    }
}
