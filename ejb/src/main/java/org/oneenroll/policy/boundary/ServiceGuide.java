package org.oneenroll.policy.boundary;

import java.io.Serializable;
import java.util.List;

/** The county's service guide (办事指南): its title and lead, then the sections in the order the province sets. */
public record ServiceGuide(String countyName, String title, String lead, List<Section> sections)
        implements Serializable {

    /** One numbered section, such as 一、事项名称, with its paragraphs. */
    public record Section(String id, String heading, List<String> paragraphs) implements Serializable {}
}
