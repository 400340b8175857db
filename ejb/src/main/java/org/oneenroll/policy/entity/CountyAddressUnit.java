package org.oneenroll.policy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * One address unit of a county's address list (town/community[/compound]): known to the county whether or not a zone
 * covers it yet, so the coverage report can name what no zone takes.
 */
@Entity
@Table(name = "county_address_unit")
@NamedQuery(
        name = CountyAddressUnit.KEYS_OF_COUNTY,
        query = "select u.unitKey from CountyAddressUnit u where u.county = :county")
public class CountyAddressUnit {

    public static final String KEYS_OF_COUNTY = "CountyAddressUnit.keysOfCounty";

    @Id
    @Column(name = "unit_key", length = 200)
    private String unitKey;

    @Column(name = "county_code", nullable = false, length = 6)
    private RegionCode county;

    @Column(name = "added_by", nullable = false, length = 32)
    private String addedBy;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected CountyAddressUnit() {}

    public CountyAddressUnit(RegionCode county, String unitKey, String addedBy, Instant addedAt) {
        if (unitKey == null || !unitKey.startsWith(county.value())) {
            throw new InvalidValueException("unitKey", "address.town", String.valueOf(unitKey), county.value());
        }
        this.county = county;
        this.unitKey = unitKey;
        this.addedBy = addedBy;
        this.addedAt = addedAt;
    }

    public String unitKey() {
        return unitKey;
    }

    public RegionCode county() {
        return county;
    }
}
