package org.oneenroll.simulator.population;

import java.time.LocalDate;

/**
 * 营业执照（企业法人）: an enterprise licence as the market regulator returns it (seed 001 附件3).
 *
 * @param enterpriseName       企业名称
 * @param creditCode           统一社会信用代码 (GB 32100, 18 characters)
 * @param licenceName          营业执照名称 (the licence's type line, e.g. 有限责任公司（自然人独资）)
 * @param operatorName         经营者姓名 (法定代表人)
 * @param registrationDate     注册日期
 * @param registeredAddress    注册地址
 * @param registeredRegionCode 注册地区划 (6 digits)
 */
public record EnterpriseLicenceRecord(
        String enterpriseName,
        String creditCode,
        String licenceName,
        String operatorName,
        LocalDate registrationDate,
        String registeredAddress,
        String registeredRegionCode) {}
