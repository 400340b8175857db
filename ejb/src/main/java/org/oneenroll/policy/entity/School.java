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
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
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
    static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{4,16}");
    static final int MAX_NAME = 100;
    /** A landline with its area code (0931-5221234, extension after a hyphen) or a mainland mobile number. */
    static final Pattern PHONE = Pattern.compile("0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?|1[3-9]\\d{9}");

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
        this.code = checkedCode(code);
        this.name = checkedName(name);
        this.ownership = Objects.requireNonNull(ownership, "ownership");
        this.address = Objects.requireNonNull(address, "address");
        this.phone = checkedPhone(phone);
        this.capacities = checkedCapacities(capacities);
    }

    /** A school code as the county numbers its schools: 4 to 16 letters or digits. */
    public static String checkedCode(String code) {
        String c = code == null ? "" : code.strip();
        if (!CODE.matcher(c).matches()) {
            throw new InvalidValueException("code", "school.code", c);
        }
        return c;
    }

    public static String checkedName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidValueException("name", "field.required", "学校名称");
        }
        String n = name.strip();
        if (n.codePointCount(0, n.length()) > MAX_NAME) {
            throw new InvalidValueException("name", "address.text-too-long", "学校名称", MAX_NAME);
        }
        return n;
    }

    /**
     * The admissions phone parents call: a landline with area code or a mobile number, blanks dropped; none is
     * allowed (the plan page then shows none).
     */
    public static String checkedPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String p = phone.replaceAll("[\\s\\u3000]", "").replace('－', '-').replace('—', '-');
        if (!PHONE.matcher(p).matches()) {
            throw new InvalidValueException("phone", "school.phone", phone.strip());
        }
        return p;
    }

    private static List<SchoolCapacity> checkedCapacities(List<SchoolCapacity> capacities) {
        if (capacities == null || capacities.isEmpty()) {
            throw new InvalidValueException("capacities", "field.required", "招生学段");
        }
        Set<Stage> seen = EnumSet.noneOf(Stage.class);
        for (SchoolCapacity c : capacities) {
            if (!seen.add(c.stage())) {
                throw new InvalidValueException(
                        "capacities", "school.stage-twice", c.stage().label());
            }
        }
        List<SchoolCapacity> sorted = new ArrayList<>(capacities);
        sorted.sort(Comparator.comparing(SchoolCapacity::stage));
        return sorted;
    }

    /**
     * Changes what the county's set-up says of the school (its code stays). Published plans keep their own seats per
     * school, so this never changes a plan; whether ownership or stages may change while a plan or zone relies on
     * them is the set-up boundary's question.
     *
     * @return whether anything changed (an import of the same sheet twice changes nothing the second time)
     */
    public boolean revise(
            String name, SchoolOwnership ownership, Address address, String phone, List<SchoolCapacity> capacities) {
        String newName = checkedName(name);
        String newPhone = checkedPhone(phone);
        List<SchoolCapacity> newCapacities = checkedCapacities(capacities);
        Objects.requireNonNull(ownership, "ownership");
        Objects.requireNonNull(address, "address");
        boolean changed = false;
        if (!newName.equals(this.name)) {
            this.name = newName;
            changed = true;
        }
        if (ownership != this.ownership) {
            this.ownership = ownership;
            changed = true;
        }
        if (!address.equals(this.address)) {
            this.address = address;
            changed = true;
        }
        if (!Objects.equals(newPhone, this.phone)) {
            this.phone = newPhone;
            changed = true;
        }
        if (!Set.copyOf(newCapacities).equals(Set.copyOf(this.capacities))) {
            // Replaced only when different: a replaced collection is rewritten even with equal rows.
            this.capacities.clear();
            this.capacities.addAll(newCapacities);
            changed = true;
        }
        return changed;
    }

    /** The stages the school teaches, in stage order. */
    public Set<Stage> stages() {
        Set<Stage> stages = EnumSet.noneOf(Stage.class);
        capacities.forEach(c -> stages.add(c.stage()));
        return stages;
    }

    public long version() {
        return version;
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
