package org.oneenroll.intake.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.oneenroll.verification.entity.GovernmentSource;

/** Stores a set of government sources as their names, comma-separated, in declaration order. */
@Converter
public class SourceScopeConverter implements AttributeConverter<Set<GovernmentSource>, String> {

    @Override
    public String convertToDatabaseColumn(Set<GovernmentSource> sources) {
        return sources == null
                ? null
                : EnumSet.copyOf(sources.isEmpty() ? EnumSet.noneOf(GovernmentSource.class) : sources).stream()
                        .map(Enum::name)
                        .collect(Collectors.joining(","));
    }

    @Override
    public Set<GovernmentSource> convertToEntityAttribute(String text) {
        if (text == null) {
            return null;
        }
        EnumSet<GovernmentSource> set = EnumSet.noneOf(GovernmentSource.class);
        Arrays.stream(text.split(","))
                .filter(s -> !s.isBlank())
                .forEach(s -> set.add(GovernmentSource.valueOf(s.strip())));
        return set;
    }
}
