package org.oneenroll.simulator.population;

import java.time.LocalDate;

/**
 * 出生医学证明: a birth certificate as the health-commission source returns it (seed 001 附件3).
 *
 * @param certificateNumber 出生证号
 * @param childName         儿童姓名
 * @param birthDate         出生日期
 * @param fatherName        父亲姓名
 * @param fatherIdNumber    父亲身份证号
 * @param motherName        母亲姓名
 * @param motherIdNumber    母亲身份证号
 */
public record BirthCertificateRecord(
        String certificateNumber,
        String childName,
        LocalDate birthDate,
        String fatherName,
        String fatherIdNumber,
        String motherName,
        String motherIdNumber) {}
