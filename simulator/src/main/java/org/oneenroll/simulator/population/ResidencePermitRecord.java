package org.oneenroll.simulator.population;

import java.time.LocalDate;

/**
 * 居住证: a residence permit as the public-security source returns it (seed 001 附件3, seed 000 附件2/附件6).
 *
 * @param idNumber          公民身份号码
 * @param name              姓名
 * @param sex               性别
 * @param ethnicity         民族
 * @param hukouLocation     户籍所在地
 * @param residenceAddress  现居住地址 (居住证登记现居住地)
 * @param issuingAuthority  签发机关
 * @param issueDate         签发日期 (start of 有效期限)
 * @param validUntil        有效日期 (end of 有效期限)
 */
public record ResidencePermitRecord(
        String idNumber,
        String name,
        Sex sex,
        String ethnicity,
        String hukouLocation,
        String residenceAddress,
        String issuingAuthority,
        LocalDate issueDate,
        LocalDate validUntil) {}
