package org.oneenroll.policy.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.oneenroll.identity.entity.Address;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * A catchment zone (招生片区) for one stage: a set of address units (town/community/compound keys, see
 * {@link Address#unitKey()}) and the public schools that serve it.
 */
@Entity
@Table(name = "catchment_zone")
@NamedQuery(
        name = CatchmentZone.BY_COUNTY,
        query = "select distinct z from CatchmentZone z left join fetch z.unitKeys"
                + " left join fetch z.schools where z.county = :county order by z.code")
public class CatchmentZone {

    public static final String BY_COUNTY = "CatchmentZone.byCounty";
    /**
     * A zone code is published in the admission files: letters or digits first, then letters, digits, '-', '_', '.'
     * or ':' (no blanks), at most 32.
     */
    static final Pattern CODE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z_.:-]{0,31}");

    @Id
    @SequenceGenerator(name = "zone_seq", sequenceName = "zone_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "zone_seq")
    private Long id;

    @Column(nullable = false, unique = true, length = 32)
    private String code;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "county_code", nullable = false, length = 6)
    private RegionCode county;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Stage stage;

    @ManyToMany
    @JoinTable(
            name = "zone_school",
            joinColumns = @JoinColumn(name = "zone_id"),
            inverseJoinColumns = @JoinColumn(name = "school_id"))
    private Set<School> schools = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "zone_unit", joinColumns = @JoinColumn(name = "zone_id"))
    @Column(name = "unit_key", length = 200)
    private Set<String> unitKeys = new LinkedHashSet<>();

    @Version
    private long version;

    protected CatchmentZone() {}

    public CatchmentZone(String code, String name, RegionCode county, Stage stage) {
        this.code = checkedCode(code);
        this.name = checkedName(name);
        this.county = county;
        this.stage = stage;
    }

    public static String checkedCode(String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidValueException("code", "field.required", "片区代码");
        }
        String c = code.strip();
        if (!CODE.matcher(c).matches()) {
            throw new InvalidValueException("code", "zone.code", c);
        }
        return c;
    }

    public static String checkedName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidValueException("name", "field.required", "片区名称");
        }
        String n = name.strip();
        if (n.codePointCount(0, n.length()) > 100) {
            throw new InvalidValueException("name", "address.text-too-long", "片区名称", 100);
        }
        return n;
    }

    /** @return whether the name changed */
    public boolean rename(String newName) {
        String n = checkedName(newName);
        if (n.equals(name)) {
            return false;
        }
        name = n;
        return true;
    }

    /**
     * The zone is served by exactly these schools from now on, each checked as {@link #addSchool} does.
     *
     * @return whether the set changed
     */
    public boolean serveBy(Collection<School> newSchools) {
        newSchools.forEach(this::requireServes);
        Set<String> after = new TreeSet<>();
        newSchools.forEach(s -> after.add(s.code()));
        if (schoolCodes().equals(after)) {
            return false;
        }
        schools.clear();
        schools.addAll(newSchools);
        return true;
    }

    /** @return whether the unit was taken out (false: the zone did not cover it) */
    public boolean removeUnit(String unitKey) {
        return unitKeys.remove(unitKey);
    }

    /** The codes of the schools serving the zone, sorted. */
    public Set<String> schoolCodes() {
        Set<String> codes = new TreeSet<>();
        schools.forEach(s -> codes.add(s.code()));
        return codes;
    }

    public long version() {
        return version;
    }

    /** A zone is served by public schools of its county that teach its stage. */
    public void addSchool(School school) {
        requireServes(school);
        schools.add(school);
    }

    private void requireServes(School school) {
        if (!school.county().equals(county) || !school.teaches(stage) || school.ownership() != SchoolOwnership.PUBLIC) {
            throw new InvalidValueException("school", "zone.school", school.name(), name);
        }
    }

    /** @return whether the unit was new to the zone */
    public boolean addUnit(String unitKey) {
        if (unitKey == null || !unitKey.startsWith(county.value())) {
            throw new InvalidValueException("unitKey", "address.town", unitKey, county.value());
        }
        return unitKeys.add(unitKey);
    }

    public boolean covers(Address address) {
        return unitKeys.contains(address.unitKey());
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public RegionCode county() {
        return county;
    }

    public Stage stage() {
        return stage;
    }

    public Set<School> schools() {
        return Set.copyOf(schools);
    }

    public Set<String> unitKeys() {
        return Set.copyOf(unitKeys);
    }
}
