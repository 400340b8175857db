package org.oneenroll.review.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.oneenroll.identity.entity.StaffRole;
import org.oneenroll.platform.entity.InvalidValueException;
import org.oneenroll.review.control.ReasonLists;
import org.oneenroll.review.control.Scopes;
import org.oneenroll.review.entity.ReasonLine;
import org.oneenroll.review.entity.ReviewReason;
import org.oneenroll.review.entity.ReviewScope;

/**
 * 不通过理由维护: a county administrator keeps the county's list of rejection reasons — adds, rewords, reorders,
 * deactivates and reactivates them, and deletes one only while no decision names it. The county is the caller's
 * own, from their account; the first change gives the county its own copy of the province's starting list, so one
 * county's change never reaches another's reviewers.
 */
@Stateless
@RolesAllowed(StaffRole.Names.COUNTY_ADMIN)
public class ReviewReasons {

    private static final Logger LOG = Logger.getLogger(ReviewReasons.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Scopes scopes;

    @Inject
    ReasonLists lists;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    /** The caller's county's reasons in order, deactivated ones included, each with how often it was used. */
    public List<ReasonLine> list() {
        String county = county();
        List<ReviewReason> reasons = lists.of(county);
        boolean starting = reasons.stream().noneMatch(r -> r.ownedBy(county));
        List<ReasonLine> lines = new ArrayList<>();
        for (ReviewReason r : reasons) {
            lines.add(new ReasonLine(
                    r.code(),
                    r.label(),
                    r.position(),
                    r.active(),
                    r.commentRequired(),
                    lists.uses(r.code()),
                    r.changedBy(),
                    r.changedAt(),
                    starting));
        }
        return lines;
    }

    /**
     * Adds a reason at the end of the county's list, active.
     *
     * @throws InvalidValueException (field {@code label}) for empty or too long words, or words the list has already
     */
    public ReasonLine add(String label, boolean commentRequired) {
        String county = county();
        Instant now = clock.instant();
        List<ReviewReason> own = lists.forChange(county, caller(), now);
        String words = ReviewReason.checkedLabel(label);
        requireNew(own, words, null);
        int last = own.stream().mapToInt(ReviewReason::position).max().orElse(0);
        ReviewReason added = ReviewReason.added(
                county, ReasonLists.nextNumber(county, own), words, last + 1, commentRequired, caller(), now);
        em.persist(added);
        log("added", added);
        return line(added, false);
    }

    /**
     * New words for a reason, and whether reviewers must add 办理意见 with it. The words of a reason a decision names
     * stay as they are (deactivate it and add a new one).
     *
     * @throws InvalidValueException for an unknown reason, words the list has already, or a reason in use reworded
     */
    public ReasonLine edit(String code, String label, boolean commentRequired) {
        String county = county();
        List<ReviewReason> own = lists.forChange(county, caller(), clock.instant());
        ReviewReason r = resolve(own, county, code);
        String words = ReviewReason.checkedLabel(label);
        requireNew(own, words, r);
        long uses = lists.uses(r.code());
        r.relabel(words, commentRequired, uses, caller(), clock.instant());
        log("edited", r);
        return line(r, false);
    }

    /** Stops offering a reason to the county's reviewers; decisions that name it keep it. */
    public ReasonLine deactivate(String code) {
        String county = county();
        ReviewReason r = resolve(lists.forChange(county, caller(), clock.instant()), county, code);
        r.deactivate(caller(), clock.instant());
        log("deactivated", r);
        return line(r, false);
    }

    /** Offers a deactivated reason again. */
    public ReasonLine activate(String code) {
        String county = county();
        ReviewReason r = resolve(lists.forChange(county, caller(), clock.instant()), county, code);
        r.activate(caller(), clock.instant());
        log("activated", r);
        return line(r, false);
    }

    /** Moves a reason one place up (towards the top of the reviewers' menu) or down; at an end nothing moves. */
    public void move(String code, boolean up) {
        String county = county();
        List<ReviewReason> own = lists.forChange(county, caller(), clock.instant());
        ReviewReason r = resolve(own, county, code);
        int at = own.indexOf(r);
        int other = up ? at - 1 : at + 1;
        if (other < 0 || other >= own.size()) {
            return;
        }
        // Positions are renumbered 1..n in the new order: equal or gapped positions from older data sort out too.
        List<ReviewReason> order = new ArrayList<>(own);
        order.set(at, own.get(other));
        order.set(other, r);
        Instant now = clock.instant();
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).position() != i + 1) {
                order.get(i).moveTo(i + 1, caller(), now);
            }
        }
        log(up ? "moved up" : "moved down", r);
    }

    /**
     * Deletes a reason no decision names (one added by mistake).
     *
     * @throws InvalidValueException (field {@code code}) for a reason a decision names: deactivate it instead
     */
    public void delete(String code) {
        String county = county();
        ReviewReason r = resolve(lists.forChange(county, caller(), clock.instant()), county, code);
        r.requireUnused(lists.uses(r.code()));
        em.remove(r);
        log("deleted", r);
    }

    /**
     * A reason of the county's own list by the code the screen showed: after the first change copied the starting
     * list, a starting-list code names the county's copy of it.
     */
    private static ReviewReason resolve(List<ReviewReason> own, String county, String code) {
        String c = code == null ? "" : code.strip();
        return own.stream()
                .filter(r -> r.code().equals(c) || r.code().equals(county + "-" + c))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("code", "reason.unknown", c));
    }

    private static void requireNew(List<ReviewReason> own, String words, ReviewReason except) {
        for (ReviewReason r : own) {
            if (r != except && r.label().equals(words)) {
                throw new InvalidValueException("label", "reason.duplicate", words);
            }
        }
    }

    private ReasonLine line(ReviewReason r, boolean starting) {
        return new ReasonLine(
                r.code(),
                r.label(),
                r.position(),
                r.active(),
                r.commentRequired(),
                lists.uses(r.code()),
                r.changedBy(),
                r.changedAt(),
                starting);
    }

    private void log(String what, ReviewReason r) {
        LOG.info(() -> "Rejection reason " + r.code() + " " + what + " by " + caller());
    }

    /** The caller's county: a county administrator's own, never a parameter. */
    private String county() {
        ReviewScope scope = scopes.of(caller(), ReviewScope.Purpose.DECIDE);
        if (scope.level() != ReviewScope.Level.COUNTY) {
            throw new InvalidValueException("scope", "review.scope.none", scope.username());
        }
        return scope.regionPrefix();
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
