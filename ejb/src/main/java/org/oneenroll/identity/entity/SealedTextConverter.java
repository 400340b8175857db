package org.oneenroll.identity.entity;

import jakarta.inject.Inject;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.oneenroll.identity.control.PersonalDataCipher;

/**
 * Stores a text that holds personal data (a declaration, the records a source returned) sealed with SM4-GCM,
 * for columns that are read whole and never searched.
 */
@Converter
public class SealedTextConverter implements AttributeConverter<String, byte[]> {

    @Inject
    PersonalDataCipher cipher;

    @Override
    public byte[] convertToDatabaseColumn(String text) {
        return text == null ? null : cipher.seal(text);
    }

    @Override
    public String convertToEntityAttribute(byte[] sealed) {
        return sealed == null ? null : cipher.open(sealed);
    }
}
