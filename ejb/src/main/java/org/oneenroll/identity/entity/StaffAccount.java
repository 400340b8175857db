package org.oneenroll.identity.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
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
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.oneenroll.identity.control.PersonalDataCipher;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * A staff member who signs in to the intranet screens: roles, and the region (and for school reviewers,
 * the school) that bounds what they see. Phone and ID number are sealed; passwords are only hashes.
 */
@Entity
@Table(name = "staff_account")
@EntityListeners(LookupDigests.class)
@NamedQuery(name = StaffAccount.BY_USERNAME, query = "select s from StaffAccount s where s.username = :username")
@NamedQuery(name = StaffAccount.BY_PHONE_DIGEST, query = "select s from StaffAccount s where s.phoneDigest = :digest")
public class StaffAccount implements LookupDigests.Digested {

    public static final String BY_USERNAME = "StaffAccount.byUsername";
    public static final String BY_PHONE_DIGEST = "StaffAccount.byPhoneDigest";
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{4,32}");

    @Id
    @SequenceGenerator(name = "staff_seq", sequenceName = "staff_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "staff_seq")
    private Long id;

    @Column(nullable = false, unique = true, length = 32)
    private String username;

    @Column(name = "display_name", nullable = false, length = 64)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Column(name = "region_code", nullable = false, length = 6)
    private RegionCode region;

    @Column(name = "school_code", length = 16)
    private String schoolCode;

    @Convert(converter = SealedPhoneConverter.class)
    @Column(name = "phone_sealed")
    private PhoneNumber phone;

    @Column(name = "phone_digest")
    private byte[] phoneDigest;

    @Convert(converter = SealedNationalIdConverter.class)
    @Column(name = "national_id_sealed")
    private NationalId nationalId;

    @Column(name = "national_id_digest")
    private byte[] nationalIdDigest;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_role", joinColumns = @JoinColumn(name = "staff_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 32)
    private Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected StaffAccount() {}

    public StaffAccount(
            String username,
            String displayName,
            String passwordHash,
            RegionCode region,
            String schoolCode,
            Set<StaffRole> roles,
            PhoneNumber phone,
            NationalId nationalId,
            Instant createdAt) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidValueException("username", "staff.username");
        }
        if (username.matches("1[3-9]\\d{9}")) {
            // a parent is the caller named by their mobile number: a staff member so named would pass for one
            throw new InvalidValueException("username", "staff.username-phone");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new InvalidValueException("displayName", "field.required", "姓名");
        }
        if (region == null) {
            throw new InvalidValueException("region", "field.required", "所属区划");
        }
        this.username = username;
        this.displayName = displayName.strip();
        this.passwordHash = passwordHash;
        this.region = region;
        this.schoolCode = schoolCode;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(roles);
        this.phone = phone;
        this.nationalId = nationalId;
        this.createdAt = createdAt;
    }

    @Override
    public void refreshDigests(PersonalDataCipher cipher) {
        phoneDigest = phone == null ? null : cipher.digest(phone.value());
        nationalIdDigest = nationalId == null ? null : cipher.digest(nationalId.value());
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
    }

    public void deactivate() {
        this.active = false;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public RegionCode region() {
        return region;
    }

    public String schoolCode() {
        return schoolCode;
    }

    public PhoneNumber phone() {
        return phone;
    }

    public NationalId nationalId() {
        return nationalId;
    }

    public Set<StaffRole> roles() {
        return roles.isEmpty() ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(roles);
    }

    public boolean active() {
        return active;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
