package org.oneenroll.policy.boundary;

import java.io.Serializable;
import java.util.List;

/**
 * The material list (材料清单): which materials each kind of family needs per school type (seed 004 附件2), and each
 * material's particulars: what it must show, which government data confirms it, online and at the counter.
 */
public record MaterialList(
        String title, String lead, List<SchoolType> schoolTypes, List<Material> catalog, List<String> notes)
        implements Serializable {

    /** Public or private schools and the families' groups that apply to them. */
    public record SchoolType(String id, String name, List<Group> groups) implements Serializable {}

    /** A kind of family (a family category for public schools) and the materials it needs. */
    public record Group(String id, String name, String note, List<Need> needs) implements Serializable {}

    /**
     * One material a group needs.
     *
     * @param shared the government data platform confirms it, so it is only asked for where the check could not
     */
    public record Need(String id, String name, boolean shared) implements Serializable {}

    /**
     * A material's particulars (seed 000 附件5 columns).
     *
     * @param checkedBy the government data that confirms it; empty when none does and it must be shown
     */
    public record Material(
            String id, String name, String fields, String checkedBy, String online, String counter, String note)
            implements Serializable {

        public boolean shared() {
            return !checkedBy.isEmpty();
        }
    }
}
