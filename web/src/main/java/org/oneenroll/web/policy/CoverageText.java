package org.oneenroll.web.policy;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.StringJoiner;
import org.oneenroll.policy.control.Coverage;

/**
 * A zone's coverage as lines a parent scans for their address, one per town: "城关镇：东关社区（金城小区、兴隆小区）；西关社区".
 * The punctuation is the ui bundle's, so each language lists in its own way.
 */
final class CoverageText {

    private CoverageText() {}

    static List<String> lines(List<Coverage.Town> towns, ResourceBundle ui) {
        MessageFormat town = new MessageFormat(ui.getString("plan.coverage.town"), ui.getLocale());
        MessageFormat compounds = new MessageFormat(ui.getString("plan.coverage.compounds"), ui.getLocale());
        String separator = ui.getString("plan.coverage.separator");
        String communitySeparator = ui.getString("plan.coverage.community-separator");
        List<String> lines = new ArrayList<>();
        for (Coverage.Town t : towns) {
            StringJoiner communities = new StringJoiner(communitySeparator);
            for (Coverage.Community c : t.communities()) {
                communities.add(
                        c.compounds().isEmpty()
                                ? c.name()
                                : compounds.format(new Object[] {c.name(), String.join(separator, c.compounds())}));
            }
            lines.add(town.format(new Object[] {t.name(), communities.toString()}));
        }
        return List.copyOf(lines);
    }
}
