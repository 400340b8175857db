package org.oneenroll.policy.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oneenroll.identity.entity.Address;
import org.oneenroll.identity.entity.RegionCode;
import org.oneenroll.platform.entity.InvalidValueException;

/** A school of the county: public or private, the stages it teaches, where it is and how many it can take. */
@Entity
@Table(name = "school")
@NamedQuery(name = School.BY_COUNTY, query = "select s from School s where s.address.county = :county order by s.code")
@NamedQuery(name = School.BY_CODE, query = "select s from School s where s.code = :code")
public class School {

    public static final String BY_COUNTY = "School.byCounty";
    public static final String BY_CODE = "School.byCode";

    @Id
    @SequenceGenerator(name = "school_seq", sequenceName = "school_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "school_seq")
    private Long id;

    @Column(nullable = false, unique = true, length = 16)
    private String code;

    @Column(nullable = false, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private SchoolOwnership ownership;

    @Embedded
    private Address address;

    @Column(length = 20)
    private String phone;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "school_capacity", joinColumns = @JoinColumn(name = "school_id"))
    private List<SchoolCapacity> capacities = new ArrayList<>();

    @Version
    private long version;

    protected School() {}

    public School(
            String code,
            String name,
            SchoolOwnership ownership,
            Address address,
            String phone,
            List<SchoolCapacity> capacities) {
        if (code == null || !code.matches("[0-9A-Za-z]{4,16}")) {
            throw new InvalidValueException("code", "school.code", code == null ? "" : code);
        }
        if (name == null || name.isBlank()) {
            throw new InvalidValueException("name", "field.required", "学校名称");
        }
        if (capacities.isEmpty()) {
            throw new InvalidValueException("capacities", "field.required", "招生学段");
        }
        this.code = code;
        this.name = name.strip();
        this.ownership = ownership;
        this.address = address;
        this.phone = phone;
        this.capacities = new ArrayList<>(capacities);
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

    public SchoolOwnership ownership() {
        return ownership;
    }

    public Address address() {
        return address;
    }

    public RegionCode county() {
        return address.county();
    }

    public String phone() {
        return phone;
    }

    public List<SchoolCapacity> capacities() {
        return List.copyOf(capacities);
    }

    public Optional<SchoolCapacity> capacity(Stage stage) {
        return capacities.stream().filter(c -> c.stage() == stage).findFirst();
    }

    public boolean teaches(Stage stage) {
        return capacity(stage).isPresent();
    }
}
