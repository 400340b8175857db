package org.oneenroll.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;
import java.util.StringJoiner;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * A structured address as catchment zones need it: county, town or street (9-digit division code),
 * community or village, residential compound, building, and the rest (unit, room). Zones are drawn over
 * {@link #unitKey()}, the part above the building.
 */
@Embeddable
public class Address implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int MAX_TEXT = 64;

    @Convert(converter = RegionCodeConverter.class)
    @Column(name = "county_code", length = 6)
    private RegionCode county;

    @Column(name = "town_code", length = 9)
    private String townCode;

    @Column(name = "community", length = MAX_TEXT)
    private String community;

    @Column(name = "compound", length = MAX_TEXT)
    private String compound;

    @Column(name = "building", length = MAX_TEXT)
    private String building;

    @Column(name = "detail", length = MAX_TEXT)
    private String detail;

    protected Address() {}

    private Address(
            RegionCode county, String townCode, String community, String compound, String building, String detail) {
        this.county = county;
        this.townCode = townCode;
        this.community = community;
        this.compound = compound;
        this.building = building;
        this.detail = detail;
    }

    /**
     * Builds an address; county, town and community are required, compound, building and detail optional
     * (villages have no compounds).
     */
    public static Address of(
            RegionCode county, String townCode, String community, String compound, String building, String detail) {
        if (county == null) {
            throw new InvalidValueException("county", "field.required", "区县");
        }
        if (county.level() != RegionLevel.COUNTY) {
            throw new InvalidValueException(
                    "county", "region.level", county.value(), levelName(county.level()), levelName(RegionLevel.COUNTY));
        }
        String town = required("townCode", townCode, "乡镇（街道）");
        if (town.length() != 9 || !town.chars().allMatch(Character::isDigit)) {
            throw new InvalidValueException("townCode", "address.town-format", town);
        }
        if (!town.startsWith(county.value())) {
            throw new InvalidValueException("townCode", "address.town", town, county.value());
        }
        return new Address(
                county,
                town,
                text("community", required("community", community, "社区（村）"), "社区（村）"),
                optional("compound", compound, "小区"),
                optional("building", building, "楼栋"),
                optional("detail", detail, "单元门牌"));
    }

    private static String levelName(RegionLevel level) {
        return org.oneenroll.platform.control.Messages.format(
                org.oneenroll.platform.control.Messages.DEFAULT_LOCALE, "region.level." + level.name());
    }

    private static String required(String field, String value, String label) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, "field.required", label);
        }
        return value.strip();
    }

    private static String optional(String field, String value, String label) {
        return value == null || value.isBlank() ? null : text(field, value.strip(), label);
    }

    private static String text(String field, String value, String label) {
        if (value.codePointCount(0, value.length()) > MAX_TEXT) {
            throw new InvalidValueException(field, "address.text-too-long", label, MAX_TEXT);
        }
        return value;
    }

    /** The address unit a catchment zone is drawn over: town, community and (where there is one) compound. */
    public String unitKey() {
        return townCode + "/" + community + (compound == null ? "" : "/" + compound);
    }

    public RegionCode county() {
        return county;
    }

    public String townCode() {
        return townCode;
    }

    public String community() {
        return community;
    }

    public String compound() {
        return compound;
    }

    public String building() {
        return building;
    }

    public String detail() {
        return detail;
    }

    /** The address as one line below the town, for screens (the town's name comes from the region list). */
    public String line() {
        StringJoiner joiner = new StringJoiner("");
        for (String part : new String[] {community, compound, building, detail}) {
            if (part != null) {
                joiner.add(part);
            }
        }
        return joiner.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Address a
                && Objects.equals(county, a.county)
                && Objects.equals(townCode, a.townCode)
                && Objects.equals(community, a.community)
                && Objects.equals(compound, a.compound)
                && Objects.equals(building, a.building)
                && Objects.equals(detail, a.detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(county, townCode, community, compound, building, detail);
    }

    @Override
    public String toString() {
        return county + "/" + unitKey() + (building == null ? "" : "/" + building);
    }
}
