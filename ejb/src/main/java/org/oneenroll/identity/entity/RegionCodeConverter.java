package org.oneenroll.identity.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link RegionCode} as its six digits. */
@Converter(autoApply = true)
public class RegionCodeConverter implements AttributeConverter<RegionCode, String> {

    @Override
    public String convertToDatabaseColumn(RegionCode code) {
        return code == null ? null : code.value();
    }

    @Override
    public RegionCode convertToEntityAttribute(String column) {
        return column == null ? null : RegionCode.of(column);
    }
}
