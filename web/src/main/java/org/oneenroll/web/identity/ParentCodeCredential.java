package org.oneenroll.web.identity;

import jakarta.security.enterprise.credential.AbstractClearableCredential;
import java.util.Arrays;
import org.oneenroll.identity.entity.PhoneNumber;

/** A parent's sign-in: the mobile number and the code the SMS brought. The code is wiped once it was checked. */
public class ParentCodeCredential extends AbstractClearableCredential {

    private final PhoneNumber phone;
    private final char[] code;

    public ParentCodeCredential(PhoneNumber phone, String code) {
        this.phone = phone;
        this.code = code == null ? new char[0] : code.toCharArray();
    }

    public PhoneNumber phone() {
        return phone;
    }

    public String code() {
        return new String(code);
    }

    @Override
    protected void clearCredential() {
        Arrays.fill(code, '\0');
    }
}
