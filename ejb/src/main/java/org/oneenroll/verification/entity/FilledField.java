package org.oneenroll.verification.entity;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The 25 fields a parent no longer types (seed 003: "25个要素免填写"), filled from records. Seed 003 does not
 * list them; they are the data items of seed 000 附件6 for its four sources without the names and numbers the
 * parent types anyway (22, 附件2's 有效/无效 among them), plus three seed 001 needs for its points items
 * (户籍类型, 从业情况, 房产类型): 户籍地区划, 参保单位 and 房屋用途.
 *
 * <table>
 * <caption>Which source fills which field (wire field in brackets)</caption>
 * <tr><th>field</th><th>form label</th><th>source</th></tr>
 * <tr><td>SEX, BIRTH_DATE</td><td>性别, 出生日期</td><td>hukou of the child (sex, birthDate)</td></tr>
 * <tr><td>ETHNICITY, BIRTHPLACE</td><td>民族, 出生地</td><td>hukou (ethnicity, birthPlace)</td></tr>
 * <tr><td>PHOTO</td><td>照片</td><td>hukou (photo; the simulator has none: absent)</td></tr>
 * <tr><td>HOUSEHOLDER, RELATION_TO_HOUSEHOLDER</td><td>户主, 与户主关系</td><td>hukou (householderName,
 * relationName)</td></tr>
 * <tr><td>HUKOU_ADDRESS, HUKOU_REGION</td><td>户籍地址, 户籍地区划</td><td>hukou (address, regionName)</td></tr>
 * <tr><td>PERMIT_ISSUE_DATE, PERMIT_VALID_UNTIL</td><td>居住证签发日期, 有效日期</td><td>residence permit of the
 * applying guardian, else the other (issueDate, validUntil)</td></tr>
 * <tr><td>PERMIT_AUTHORITY, PERMIT_RESIDENCE</td><td>签发机关, 登记现居住地</td><td>residence permit
 * (issuingAuthority, residenceAddress)</td></tr>
 * <tr><td>PERMIT_VALID</td><td>居住证信息核验 有效/无效</td><td>residence permit: valid on the day of the check</td></tr>
 * <tr><td>PROPERTY_ADDRESS, PROPERTY_USE</td><td>产权地址, 房屋用途</td><td>real-estate title (location, use), else
 * purchase contract (location, plannedUse), of the home the category rests on</td></tr>
 * <tr><td>PROPERTY_REGISTRATION_DATE, CERTIFICATE_NUMBER</td><td>登记时间, 产权证编号</td><td>real-estate title
 * (registrationDate, certificateNumber); absent for a contract-only home</td></tr>
 * <tr><td>CO_OWNERSHIP_TYPE, CO_OWNERSHIP_SHARE</td><td>共有方式, 共有份额</td><td>real-estate title (coOwnershipType,
 * holderShare or the co-owner's share), else purchase contract (coOwnership)</td></tr>
 * <tr><td>INSURANCE_CURRENT_MONTH, INSURANCE_START_MONTH, INSURANCE_END_MONTH</td><td>当前时间, 起始时间,
 * 结束时间</td><td>social insurance of the applying guardian, else the other (currentMonth, startMonth,
 * endMonth)</td></tr>
 * <tr><td>MONTHS_PAID_LAST_24, INSURANCE_EMPLOYER</td><td>近两年累计缴纳月数, 参保单位</td><td>social insurance
 * (monthsPaidLast24 recounted from paidMonths, employerName)</td></tr>
 * </table>
 *
 * <p>The label for screens is message key {@code verification.filled.<NAME>}.
 */
public enum FilledField {
    SEX(String.class, GovernmentSource.HUKOU),
    BIRTH_DATE(LocalDate.class, GovernmentSource.HUKOU),
    ETHNICITY(String.class, GovernmentSource.HUKOU),
    BIRTHPLACE(String.class, GovernmentSource.HUKOU),
    PHOTO(String.class, GovernmentSource.HUKOU),
    HOUSEHOLDER(String.class, GovernmentSource.HUKOU),
    RELATION_TO_HOUSEHOLDER(String.class, GovernmentSource.HUKOU),
    HUKOU_ADDRESS(String.class, GovernmentSource.HUKOU),
    HUKOU_REGION(String.class, GovernmentSource.HUKOU),
    PERMIT_ISSUE_DATE(LocalDate.class, GovernmentSource.RESIDENCE_PERMIT),
    PERMIT_VALID_UNTIL(LocalDate.class, GovernmentSource.RESIDENCE_PERMIT),
    PERMIT_AUTHORITY(String.class, GovernmentSource.RESIDENCE_PERMIT),
    PERMIT_RESIDENCE(String.class, GovernmentSource.RESIDENCE_PERMIT),
    PERMIT_VALID(Boolean.class, GovernmentSource.RESIDENCE_PERMIT),
    PROPERTY_ADDRESS(String.class, GovernmentSource.REAL_ESTATE_TITLE, GovernmentSource.PURCHASE_CONTRACT),
    PROPERTY_REGISTRATION_DATE(LocalDate.class, GovernmentSource.REAL_ESTATE_TITLE),
    CO_OWNERSHIP_TYPE(String.class, GovernmentSource.REAL_ESTATE_TITLE, GovernmentSource.PURCHASE_CONTRACT),
    CO_OWNERSHIP_SHARE(String.class, GovernmentSource.REAL_ESTATE_TITLE, GovernmentSource.PURCHASE_CONTRACT),
    CERTIFICATE_NUMBER(String.class, GovernmentSource.REAL_ESTATE_TITLE),
    PROPERTY_USE(String.class, GovernmentSource.REAL_ESTATE_TITLE, GovernmentSource.PURCHASE_CONTRACT),
    INSURANCE_CURRENT_MONTH(YearMonth.class, GovernmentSource.SOCIAL_INSURANCE),
    INSURANCE_START_MONTH(YearMonth.class, GovernmentSource.SOCIAL_INSURANCE),
    INSURANCE_END_MONTH(YearMonth.class, GovernmentSource.SOCIAL_INSURANCE),
    MONTHS_PAID_LAST_24(Integer.class, GovernmentSource.SOCIAL_INSURANCE),
    INSURANCE_EMPLOYER(String.class, GovernmentSource.SOCIAL_INSURANCE);

    private final Class<?> type;
    private final List<GovernmentSource> sources;

    FilledField(Class<?> type, GovernmentSource... sources) {
        this.type = type;
        this.sources = List.of(sources);
    }

    /** The Java type of the value. */
    public Class<?> type() {
        return type;
    }

    /** The sources that can fill the field, preferred first. */
    public List<GovernmentSource> sources() {
        return sources;
    }

    public MessageRef label() {
        return MessageRef.of("verification.filled." + name());
    }
}
