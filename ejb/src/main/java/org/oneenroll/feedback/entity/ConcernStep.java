package org.oneenroll.feedback.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.oneenroll.identity.entity.SealedTextConverter;

/**
 * One step of an item's handling: who moved it to which state, when, and the words that went with it (the reply,
 * the reason for closing), sealed because staff quote the family. Supervisors read how long each step took from these.
 */
@Entity
@Table(name = "concern_step")
public class ConcernStep {

    @Id
    @SequenceGenerator(name = "concern_step_seq", sequenceName = "concern_step_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "concern_step_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "concern_id")
    private Concern concern;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 64)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", length = 16)
    private ConcernState from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false, length = 16)
    private ConcernState to;

    @Convert(converter = SealedTextConverter.class)
    @Column(name = "note_sealed")
    private String note;

    protected ConcernStep() {}

    ConcernStep(Concern concern, Instant occurredAt, String actor, ConcernState from, ConcernState to, String note) {
        this.concern = concern;
        this.occurredAt = occurredAt;
        this.actor = actor.length() <= 64 ? actor : actor.substring(0, 64);
        this.from = from;
        this.to = to;
        this.note = note;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    /** A staff member's user name, or {@link Concern#FAMILY} for the family's own submission. */
    public String actor() {
        return actor;
    }

    /** The state before, {@code null} for the first step. */
    public ConcernState from() {
        return from;
    }

    public ConcernState to() {
        return to;
    }

    public String note() {
        return note;
    }
}
