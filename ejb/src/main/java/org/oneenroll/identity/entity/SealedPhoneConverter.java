package org.oneenroll.identity.entity;

import jakarta.inject.Inject;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.oneenroll.identity.control.PersonalDataCipher;

/** Stores a {@link PhoneNumber} sealed with SM4-GCM: the database never holds a phone in clear. */
@Converter
public class SealedPhoneConverter implements AttributeConverter<PhoneNumber, byte[]> {

    @Inject
    PersonalDataCipher cipher;

    @Override
    public byte[] convertToDatabaseColumn(PhoneNumber phone) {
        return phone == null ? null : cipher.seal(phone.value());
    }

    @Override
    public PhoneNumber convertToEntityAttribute(byte[] sealed) {
        return sealed == null ? null : PhoneNumber.of(cipher.open(sealed));
    }
}
