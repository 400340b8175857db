package org.oneenroll.simulator.population;

import java.time.LocalDate;

/**
 * 营业执照（个体工商户）: an individual business licence as the market regulator returns it (seed 001 附件3).
 *
 * @param operatorName       经营者姓名
 * @param operatorIdNumber   身份证号
 * @param creditCode         统一社会信用代码 (GB 32100, 18 characters)
 * @param establishedDate    成立日期
 * @param premisesAddress    经营场所地址
 * @param premisesRegionCode 经营地区划 (6 digits)
 */
public record IndividualBusinessLicenceRecord(
        String operatorName,
        String operatorIdNumber,
        String creditCode,
        LocalDate establishedDate,
        String premisesAddress,
        String premisesRegionCode) {}
