package org.oneenroll.identity.entity;

import jakarta.ejb.ApplicationException;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * A sign-in code was refused after it was counted against the code (a wrong code): the count must stay, so
 * unlike other refusals this one does not roll the transaction back.
 */
@ApplicationException(rollback = false)
public class SignInRefused extends InvalidValueException {

    private static final long serialVersionUID = 1L;

    public SignInRefused(String field, String messageKey, Object... arguments) {
        super(field, messageKey, arguments);
    }
}
