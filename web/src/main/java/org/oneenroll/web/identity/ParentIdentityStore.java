package org.oneenroll.web.identity;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.oneenroll.identity.boundary.ParentLogins;
import org.oneenroll.platform.entity.InvalidValueException;

/**
 * Checks parents' SMS sign-ins, beside {@link StaffIdentityStore} (each store answers only its own credential
 * type): the caller is named by the 11-digit number and is in group {@value ParentLogins#ROLE}.
 */
@ApplicationScoped
public class ParentIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(ParentIdentityStore.class.getName());

    @Inject
    ParentLogins logins;

    @Inject
    SignInRefusal refusal;

    /**
     * Answers only a parent's SMS code. Overridden rather than left to the interface's default, which finds the
     * typed method by a method-handle lookup on {@code this}: on the CDI client proxy that lookup fails with
     * "no such method ... invokeSpecial" (seen in CI), and the sign-in would fail with a server error.
     */
    @Override
    public CredentialValidationResult validate(jakarta.security.enterprise.credential.Credential credential) {
        return credential instanceof ParentCodeCredential code
                ? validate(code)
                : CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    public CredentialValidationResult validate(ParentCodeCredential credential) {
        try {
            String phone = logins.signIn(credential.phone(), credential.code()).value();
            return new CredentialValidationResult(phone, Set.of(ParentLogins.ROLE));
        } catch (InvalidValueException refused) {
            refusal.refuse(refused);
            return CredentialValidationResult.INVALID_RESULT;
        } catch (EJBException failed) {
            // The check itself failed (the database): nobody is signed in, the screen says to try again.
            LOG.log(Level.WARNING, "A parent's sign-in could not be checked", failed);
            return CredentialValidationResult.INVALID_RESULT;
        } finally {
            credential.clear();
        }
    }
}
