package org.oneenroll.web.identity;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * Why a parent's sign-in was refused, carried from the identity store (which may only answer "invalid") to the
 * sign-in screen within the same request, so the parent reads the reason at the code field.
 */
@RequestScoped
public class SignInRefusal {

    private InvalidValueException reason;

    void refuse(InvalidValueException reason) {
        this.reason = reason;
    }

    public Optional<InvalidValueException> reason() {
        return Optional.ofNullable(reason);
    }
}
