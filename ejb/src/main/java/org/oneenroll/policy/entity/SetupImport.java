package org.oneenroll.policy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.oneenroll.identity.entity.RegionCode;

/** The record of one imported set-up sheet: who brought in which file when, and what it changed. */
@Entity
@Table(name = "setup_import")
@NamedQuery(
        name = SetupImport.LATEST_OF_COUNTY,
        query =
                "select i from SetupImport i where i.county = :county and i.kind = :kind order by i.importedAt desc, i.id desc")
public class SetupImport {

    public static final String LATEST_OF_COUNTY = "SetupImport.latestOfCounty";

    /** Which sheet was imported. */
    public enum Kind {
        SCHOOLS,
        ZONES
    }

    @Id
    @SequenceGenerator(name = "setup_import_seq", sequenceName = "setup_import_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "setup_import_seq")
    private Long id;

    @Column(name = "county_code", nullable = false, length = 6)
    private RegionCode county;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Kind kind;

    @Column(name = "file_name", nullable = false, length = 120)
    private String fileName;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "imported_by", nullable = false, length = 32)
    private String importedBy;

    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    @Column(name = "rows_read", nullable = false)
    private int rowsRead;

    @Column(name = "rows_refused", nullable = false)
    private int rowsRefused;

    @Column(nullable = false)
    private int created;

    @Column(nullable = false)
    private int updated;

    @Column(nullable = false)
    private int unchanged;

    protected SetupImport() {}

    public SetupImport(
            RegionCode county,
            Kind kind,
            String fileName,
            String sha256,
            String importedBy,
            Instant importedAt,
            int rowsRead,
            int rowsRefused,
            int created,
            int updated,
            int unchanged) {
        this.county = county;
        this.kind = kind;
        this.fileName = fileName.length() > 120 ? fileName.substring(0, 120) : fileName;
        this.sha256 = sha256;
        this.importedBy = importedBy;
        this.importedAt = importedAt;
        this.rowsRead = rowsRead;
        this.rowsRefused = rowsRefused;
        this.created = created;
        this.updated = updated;
        this.unchanged = unchanged;
    }

    public Kind kind() {
        return kind;
    }

    public String fileName() {
        return fileName;
    }

    public String sha256() {
        return sha256;
    }

    public String importedBy() {
        return importedBy;
    }

    public Instant importedAt() {
        return importedAt;
    }

    public int rowsRead() {
        return rowsRead;
    }

    public int rowsRefused() {
        return rowsRefused;
    }

    public int created() {
        return created;
    }

    public int updated() {
        return updated;
    }

    public int unchanged() {
        return unchanged;
    }
}
