package org.oneenroll.simulator.population;

/**
 * Where a family lives (现居住地址).
 *
 * @param unitCode   the layout address unit, or {@code null} when the home lies outside every zone or county
 * @param regionCode the 6-digit county code of the home
 * @param townCode   the 9-digit town (乡镇/街道) code of the home
 * @param community  社区 or 村
 * @param compound   小区, or the village group (社) in a village
 * @param detail     building, entrance and room ("3号楼2单元501室"), or house number in a village ("23号")
 * @param line       the full address as printed on certificates, province first
 */
public record HomeAddress(
        String unitCode,
        String regionCode,
        String townCode,
        String community,
        String compound,
        String detail,
        String line) {}
