package org.oneenroll.identity.entity;

import jakarta.inject.Inject;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.oneenroll.identity.control.PersonalDataCipher;

/** Stores a {@link NationalId} sealed with SM4-GCM: the database never holds an ID number in clear. */
@Converter
public class SealedNationalIdConverter implements AttributeConverter<NationalId, byte[]> {

    @Inject
    PersonalDataCipher cipher;

    @Override
    public byte[] convertToDatabaseColumn(NationalId id) {
        return id == null ? null : cipher.seal(id.value());
    }

    @Override
    public NationalId convertToEntityAttribute(byte[] sealed) {
        return sealed == null ? null : NationalId.of(cipher.open(sealed));
    }
}
