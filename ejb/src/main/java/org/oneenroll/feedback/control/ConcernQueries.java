package org.oneenroll.feedback.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oneenroll.feedback.entity.Concern;
import org.oneenroll.feedback.entity.ConcernKind;
import org.oneenroll.feedback.entity.ConcernScope;
import org.oneenroll.feedback.entity.ConcernState;

/**
 * The queue's and the supervisors' statements over {@link Concern}: the caller's scope is always the first condition
 * (one county an equality the {@code (county_code, state, due_on)} index serves, a city or province a prefix), then
 * the filter's parts. Open items are listed by due date, the most urgent first; otherwise the newest first.
 */
public final class ConcernQueries {

    /** What the filter narrows to, already checked and turned into values the statements compare with. */
    public record Criteria(
            ConcernKind kind,
            List<ConcernState> states,
            boolean overdueOnly,
            byte[] phoneDigest,
            String caseNumber,
            Long id,
            LocalDate today) {

        public Criteria {
            states = states == null ? List.of() : List.copyOf(states);
        }

        /** The same criteria without the states and the overdue flag: what the counts per state are taken over. */
        Criteria forCounts() {
            return new Criteria(kind, List.of(), false, phoneDigest, caseNumber, id, today);
        }
    }

    private final StringBuilder where = new StringBuilder();
    private final Map<String, Object> values = new LinkedHashMap<>();

    private ConcernQueries(ConcernScope scope, Criteria c) {
        if (scope.regionPrefix().length() == 6) {
            add("c.county = :county", "county", scope.regionPrefix());
        } else {
            add("c.county like :county", "county", scope.countyPattern());
        }
        if (c.kind() != null) {
            add("c.kind = :kind", "kind", c.kind());
        }
        if (!c.states().isEmpty()) {
            add("c.state in :states", "states", c.states());
        }
        if (c.overdueOnly()) {
            add("c.state in :open and c.dueOn < :today", "open", List.copyOf(ConcernState.OPEN));
            values.put("today", c.today());
        }
        if (c.phoneDigest() != null) {
            add("c.phoneDigest = :phone", "phone", c.phoneDigest());
        }
        if (c.caseNumber() != null) {
            add("c.caseNumber = :caseNumber", "caseNumber", c.caseNumber());
        }
        if (c.id() != null) {
            add("c.id = :id", "id", c.id());
        }
    }

    private void add(String condition, String name, Object value) {
        where.append(where.length() == 0 ? " where " : " and ").append(condition);
        values.put(name, value);
    }

    private <T> TypedQuery<T> query(EntityManager em, String jpql, Class<T> type) {
        TypedQuery<T> q = em.createQuery(jpql, type);
        values.forEach(q::setParameter);
        return q;
    }

    /** How many items in scope match. */
    public static long count(EntityManager em, ConcernScope scope, Criteria c) {
        ConcernQueries w = new ConcernQueries(scope, c);
        return w.query(em, "select count(c) from Concern c" + w.where, Long.class)
                .getSingleResult();
    }

    /** One page of the items in scope that match. */
    public static List<Concern> page(EntityManager em, ConcernScope scope, Criteria c, int first, int size) {
        ConcernQueries w = new ConcernQueries(scope, c);
        boolean onlyOpen =
                c.overdueOnly() || (!c.states().isEmpty() && c.states().stream().allMatch(ConcernState::open));
        String order = onlyOpen ? " order by c.dueOn, c.receivedAt, c.id" : " order by c.receivedAt desc, c.id desc";
        return w.query(em, "select c from Concern c" + w.where + order, Concern.class)
                .setFirstResult(first)
                .setMaxResults(size)
                .getResultList();
    }

    /** The items in scope matching all but the states and overdue flag, counted per state. */
    public static Map<ConcernState, Long> countsByState(EntityManager em, ConcernScope scope, Criteria c) {
        ConcernQueries w = new ConcernQueries(scope, c.forCounts());
        Map<ConcernState, Long> counts = new EnumMap<>(ConcernState.class);
        for (Object[] r : w.query(
                        em, "select c.state, count(c) from Concern c" + w.where + " group by c.state", Object[].class)
                .getResultList()) {
            counts.put((ConcernState) r[0], ((Number) r[1]).longValue());
        }
        return counts;
    }

    /** The items in scope matching all but the states, still open after their due date. */
    public static long overdue(EntityManager em, ConcernScope scope, Criteria c) {
        Criteria overdue = new Criteria(c.kind(), List.of(), true, c.phoneDigest(), c.caseNumber(), c.id(), c.today());
        return count(em, scope, overdue);
    }

    /** A region's items per kind and state, and per kind those overdue on {@code today}: the supervisors' figures. */
    public static Map<ConcernKind, long[]> perKind(EntityManager em, ConcernScope scope, LocalDate today) {
        Map<ConcernKind, long[]> out = new EnumMap<>(ConcernKind.class);
        for (ConcernKind k : ConcernKind.values()) {
            out.put(k, new long[ConcernState.values().length + 1]);
        }
        ConcernQueries all = new ConcernQueries(scope, new Criteria(null, List.of(), false, null, null, null, today));
        for (Object[] r : all.query(
                        em,
                        "select c.kind, c.state, count(c) from Concern c" + all.where + " group by c.kind, c.state",
                        Object[].class)
                .getResultList()) {
            out.get((ConcernKind) r[0])[((ConcernState) r[1]).ordinal()] = ((Number) r[2]).longValue();
        }
        ConcernQueries late = new ConcernQueries(scope, new Criteria(null, List.of(), true, null, null, null, today));
        for (Object[] r : late.query(
                        em, "select c.kind, count(c) from Concern c" + late.where + " group by c.kind", Object[].class)
                .getResultList()) {
            out.get((ConcernKind) r[0])[ConcernState.values().length] = ((Number) r[1]).longValue();
        }
        return out;
    }
}
