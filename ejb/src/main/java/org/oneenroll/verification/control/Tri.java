package org.oneenroll.verification.control;

import java.util.EnumSet;
import java.util.Set;
import org.oneenroll.verification.entity.GovernmentSource;

/**
 * A condition of a category rule judged on incomplete records: true, false, or unknown because the named
 * sources did not answer (or were not asked). Unknown is what keeps a case out of a wrong category while a
 * source is down.
 */
record Tri(State state, Set<GovernmentSource> blockers) {

    enum State {
        TRUE,
        FALSE,
        UNKNOWN
    }

    static final Tri TRUE = new Tri(State.TRUE, Set.of());
    static final Tri FALSE = new Tri(State.FALSE, Set.of());

    Tri {
        blockers = Set.copyOf(blockers);
    }

    static Tri unknown(Set<GovernmentSource> blockers) {
        return new Tri(State.UNKNOWN, blockers);
    }

    /** True if found; else false when every source that could have found it answered, unknown otherwise. */
    static Tri found(boolean found, Set<GovernmentSource> sources, Set<GovernmentSource> unavailable) {
        if (found) {
            return TRUE;
        }
        EnumSet<GovernmentSource> silent = EnumSet.noneOf(GovernmentSource.class);
        sources.stream().filter(unavailable::contains).forEach(silent::add);
        return silent.isEmpty() ? FALSE : unknown(silent);
    }

    static Tri and(Tri... parts) {
        EnumSet<GovernmentSource> silent = EnumSet.noneOf(GovernmentSource.class);
        boolean unknown = false;
        for (Tri t : parts) {
            if (t.state == State.FALSE) {
                return FALSE;
            }
            if (t.state == State.UNKNOWN) {
                unknown = true;
                silent.addAll(t.blockers);
            }
        }
        return unknown ? unknown(silent) : TRUE;
    }

    static Tri or(Tri... parts) {
        EnumSet<GovernmentSource> silent = EnumSet.noneOf(GovernmentSource.class);
        boolean unknown = false;
        for (Tri t : parts) {
            if (t.state == State.TRUE) {
                return TRUE;
            }
            if (t.state == State.UNKNOWN) {
                unknown = true;
                silent.addAll(t.blockers);
            }
        }
        return unknown ? unknown(silent) : FALSE;
    }

    boolean isTrue() {
        return state == State.TRUE;
    }

    boolean isFalse() {
        return state == State.FALSE;
    }

    boolean isUnknown() {
        return state == State.UNKNOWN;
    }
}
