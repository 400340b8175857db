package org.oneenroll.simulator.population;

import java.time.LocalDate;

/**
 * 保障性住房: one household member's row of a public-housing contract (seed 001 附件3).
 *
 * @param regionCode              房屋地址区划 (6 digits)
 * @param address                 房屋地址
 * @param relationToMainApplicant 与主申请人关系
 * @param memberName              家庭成员姓名
 * @param memberIdNumber          身份证号码
 * @param contractStatus          合同状态
 * @param reviewStatus            审核状态
 * @param contractStart           合同开始时间
 * @param supportType             保障情况
 * @param contractEnd             合同终止时间
 * @param applicationNumber       申购证号
 */
public record AffordableHousingRecord(
        String regionCode,
        String address,
        String relationToMainApplicant,
        String memberName,
        String memberIdNumber,
        String contractStatus,
        String reviewStatus,
        LocalDate contractStart,
        String supportType,
        LocalDate contractEnd,
        String applicationNumber) {}
