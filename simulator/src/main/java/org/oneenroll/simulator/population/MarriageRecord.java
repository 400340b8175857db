package org.oneenroll.simulator.population;

import java.time.LocalDate;

/**
 * 结婚证: a marriage registration as the civil-affairs source returns it (seed 001 附件3).
 *
 * @param husbandIdNumber  男方身份证号
 * @param husbandName      男方姓名
 * @param wifeIdNumber     女方身份证号
 * @param wifeName         女方姓名
 * @param registrationDate 登记日期
 * @param status           婚姻状态 (已婚|离婚)
 */
public record MarriageRecord(
        String husbandIdNumber,
        String husbandName,
        String wifeIdNumber,
        String wifeName,
        LocalDate registrationDate,
        String status) {}
