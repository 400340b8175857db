package org.oneenroll.simulator.population;

import java.time.LocalDate;

/**
 * 户籍 (户口本): one person's row in a household register, as the public-security hukou source returns it
 * (seed 001 附件3, plus 出生地 from seed 000 附件6).
 *
 * @param idNumber         身份证号
 * @param name             姓名
 * @param sex              性别
 * @param birthDate        出生日期
 * @param ethnicity        民族
 * @param nativePlace      籍贯
 * @param birthPlace       出生地
 * @param regionCode       户籍地区划代码 (6 digits)
 * @param regionName       户籍地区划名称
 * @param address          户籍地址详址
 * @param issuingAuthority 发证机关
 * @param householdType    户口类型 (家庭户|集体户|社区公共户)
 * @param householdNumber  户号
 * @param householderName  户主名称
 * @param relationCode     与户主关系（代码）, GB/T 4761
 * @param relationName     与户主关系（名称）
 */
public record HukouRecord(
        String idNumber,
        String name,
        Sex sex,
        LocalDate birthDate,
        String ethnicity,
        String nativePlace,
        String birthPlace,
        String regionCode,
        String regionName,
        String address,
        String issuingAuthority,
        String householdType,
        String householdNumber,
        String householderName,
        String relationCode,
        String relationName) {}
