package org.oneenroll.policy.boundary;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The public texts a plan may reword, as they read without the plan's own wording: the plan editor's starting point
 * and the labels the checks and the record of changes name them by.
 *
 * @param materials every material of the catalog by id, with its short name, in catalog order
 */
public record GuideDefaults(List<Text> texts, List<MaterialGroup> groups, Map<String, String> materials)
        implements Serializable {

    /** Where the editor shows a text. */
    public enum Group {
        CONTACT,
        GUIDE,
        MATERIALS
    }

    /** One text by its key in the policy bundle (or {@code contact.*}), with its label and default wording. */
    public record Text(String key, Group group, String label, String text, boolean multiline) implements Serializable {}

    /** A family group of a school type and the materials it needs by default. */
    public record MaterialGroup(String key, String label, List<String> ids) implements Serializable {}
}
