package org.oneenroll.simulator.population;

import java.time.LocalDate;

/**
 * 房屋租赁备案: a registered lease as the housing authority returns it (seed 001 附件3).
 *
 * @param registrationNumber 备案证书编号
 * @param landlordName       出租人
 * @param landlordIdNumber   出租人身份证号
 * @param tenantName         承租人
 * @param tenantIdNumber     承租人身份证号
 * @param locationRegionCode 房屋坐落区划 (6 digits)
 * @param location           房屋坐落
 * @param titleNumber        产权证号码 (the landlord's title)
 * @param leaseStart         承租期限（起始）
 * @param leaseEnd           承租期限（截止）
 */
public record RentalRegistrationRecord(
        String registrationNumber,
        String landlordName,
        String landlordIdNumber,
        String tenantName,
        String tenantIdNumber,
        String locationRegionCode,
        String location,
        String titleNumber,
        LocalDate leaseStart,
        LocalDate leaseEnd) {}
