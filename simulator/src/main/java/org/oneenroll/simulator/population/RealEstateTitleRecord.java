package org.oneenroll.simulator.population;

import java.time.LocalDate;
import java.util.List;

/**
 * 不动产权证: a real-estate title as the natural-resources registry returns it (seed 001 附件3; 共有方式 and 共有份额
 * from seed 000 附件6).
 *
 * @param holderName         权利人名称
 * @param holderIdNumber     权利人身份证号
 * @param certificateNumber  不动产证书号
 * @param rightType          权利类型
 * @param rightNature        权利性质
 * @param registrationDate   登记日期
 * @param locationRegionCode 房屋坐落区划 (6 digits)
 * @param location           房屋坐落
 * @param use                房屋用途
 * @param status             房屋状态 (现势|抵押|查封)
 * @param coOwnershipType    共有情况: 单独所有|共同共有|按份共有
 * @param holderShare        权利人的共有份额 ("60%"), {@code null} unless 按份共有
 * @param coOwners           共有人
 */
public record RealEstateTitleRecord(
        String holderName,
        String holderIdNumber,
        String certificateNumber,
        String rightType,
        String rightNature,
        LocalDate registrationDate,
        String locationRegionCode,
        String location,
        String use,
        String status,
        String coOwnershipType,
        String holderShare,
        List<CoOwner> coOwners) {}
