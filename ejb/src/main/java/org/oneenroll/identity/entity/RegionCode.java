package org.oneenroll.identity.entity;

import java.io.Serializable;
import java.util.Set;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * A GB/T 2260 six-digit division code (province, city, county). Whether a code is still in the national
 * list is the {@code Regions} boundary's question: ID numbers carry codes that no longer exist.
 */
public final class RegionCode implements Serializable, Comparable<RegionCode> {

    private static final long serialVersionUID = 1L;

    /** The province-level codes of GB/T 2260 (including Taiwan, Hong Kong and Macao). */
    static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
            "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82");

    private final String code;

    private RegionCode(String code) {
        this.code = code;
    }

    public static RegionCode of(String raw) {
        String code = raw == null ? "" : raw.strip();
        if (code.length() != 6 || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidValueException("regionCode", "region.format", code);
        }
        if (!PROVINCES.contains(code.substring(0, 2))) {
            throw new InvalidValueException("regionCode", "region.province", code, code.substring(0, 2));
        }
        return new RegionCode(code);
    }

    /** True when the first two digits are a real province: the format check an ID number's prefix gets. */
    static boolean isProvince(String twoDigits) {
        return PROVINCES.contains(twoDigits);
    }

    public String value() {
        return code;
    }

    public RegionLevel level() {
        if (code.endsWith("0000")) {
            return RegionLevel.PROVINCE;
        }
        return code.endsWith("00") ? RegionLevel.CITY : RegionLevel.COUNTY;
    }

    public RegionCode province() {
        return new RegionCode(code.substring(0, 2) + "0000");
    }

    public RegionCode city() {
        return level() == RegionLevel.PROVINCE ? this : new RegionCode(code.substring(0, 4) + "00");
    }

    /** True if {@code other} is this region or lies inside it (a county inside its city, say). */
    public boolean contains(RegionCode other) {
        return switch (level()) {
            case PROVINCE -> other.code.startsWith(code.substring(0, 2));
            case CITY -> other.code.startsWith(code.substring(0, 4));
            default -> other.code.equals(code);
        };
    }

    /** The level above this one, or the province itself. */
    public RegionCode parent() {
        return switch (level()) {
            case COUNTY -> city();
            default -> province();
        };
    }

    @Override
    public int compareTo(RegionCode o) {
        return code.compareTo(o.code);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegionCode other && other.code.equals(code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return code;
    }
}
