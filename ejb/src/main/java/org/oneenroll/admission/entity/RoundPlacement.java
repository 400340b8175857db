package org.oneenroll.admission.entity;

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

/**
 * Where a round's draw placed one child (case): the route, the school or the reason for none, and the
 * explanation in Chinese as it is shown to the family and the officer. Written once, with the draw.
 */
@Entity
@Table(name = "admission_placement")
@NamedQuery(
        name = RoundPlacement.OF_ROUND,
        query = "select p from RoundPlacement p where p.roundId = :round order by p.caseNumber")
@NamedQuery(
        name = RoundPlacement.UNPLACED,
        query = "select p from RoundPlacement p where p.roundId = :round and p.route ="
                + " org.oneenroll.admission.entity.Route.UNPLACED order by p.unplacedReason, p.caseNumber")
@NamedQuery(
        name = RoundPlacement.OF_CASE,
        query = "select p from RoundPlacement p where p.roundId = :round and p.caseNumber = :number")
@NamedQuery(
        name = RoundPlacement.SEATS_TAKEN,
        query = "select p.schoolCode, count(p) from RoundPlacement p where p.route <>"
                + " org.oneenroll.admission.entity.Route.UNPLACED and p.roundId in :rounds group by p.schoolCode")
public class RoundPlacement {

    public static final String OF_ROUND = "RoundPlacement.ofRound";
    /** Seats each school filled in the given (published) rounds. */
    public static final String SEATS_TAKEN = "RoundPlacement.seatsTaken";

    public static final String UNPLACED = "RoundPlacement.unplaced";
    public static final String OF_CASE = "RoundPlacement.ofCase";
    static final int MAX_EXPLANATION = 4000;

    @Id
    @SequenceGenerator(name = "admission_placement_seq", sequenceName = "admission_placement_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "admission_placement_seq")
    private Long id;

    @Column(name = "round_id", nullable = false)
    private long roundId;

    @Column(name = "case_number", nullable = false, length = 24)
    private String caseNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Route route;

    @Column(name = "school_code", length = 64)
    private String schoolCode;

    @Column(name = "choice_number", nullable = false)
    private int choiceNumber;

    @Column(nullable = false)
    private int hops;

    @Enumerated(EnumType.STRING)
    @Column(name = "unplaced_reason", length = 20)
    private UnplacedReason unplacedReason;

    @Column(nullable = false, length = MAX_EXPLANATION)
    private String explanation;

    protected RoundPlacement() {}

    public RoundPlacement(long roundId, Placement placement, String explanation) {
        this.roundId = roundId;
        this.caseNumber = placement.childRef();
        this.route = placement.route();
        this.schoolCode = placement.schoolCode();
        this.choiceNumber = placement.choiceNumber();
        this.hops = placement.hops();
        this.unplacedReason = placement.reason();
        // The explanation lists every school the child applied to; a very long list is cut, never refused.
        this.explanation = explanation.length() <= MAX_EXPLANATION
                ? explanation
                : explanation.substring(0, MAX_EXPLANATION - 1) + "…";
    }

    public Long id() {
        return id;
    }

    public long roundId() {
        return roundId;
    }

    public String caseNumber() {
        return caseNumber;
    }

    public Route route() {
        return route;
    }

    public String schoolCode() {
        return schoolCode;
    }

    public int choiceNumber() {
        return choiceNumber;
    }

    public int hops() {
        return hops;
    }

    public UnplacedReason unplacedReason() {
        return unplacedReason;
    }

    public String explanation() {
        return explanation;
    }

    /** The engine's short form of this row. */
    public Placement placement() {
        return new Placement(caseNumber, route, schoolCode, choiceNumber, hops, unplacedReason);
    }
}
