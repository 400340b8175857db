package org.oneenroll.simulator.population;

import java.time.LocalDate;

/**
 * 网签购房合同: an online-signed house purchase contract as the housing authority returns it (seed 001 附件3).
 *
 * @param contractNumber       购房合同号
 * @param buyerName            购房人名称
 * @param buyerIdNumber        购房人证件号码
 * @param coOwnership          共有方式及权利份额
 * @param transactionDate      交易时间
 * @param agreedDeliveryDate   约定交付日期
 * @param locationRegionCode   房屋坐落区划 (6 digits)
 * @param location             坐落地址
 * @param plannedUse           规划用途/设计用途
 */
public record PurchaseContractRecord(
        String contractNumber,
        String buyerName,
        String buyerIdNumber,
        String coOwnership,
        LocalDate transactionDate,
        LocalDate agreedDeliveryDate,
        String locationRegionCode,
        String location,
        String plannedUse) {}
