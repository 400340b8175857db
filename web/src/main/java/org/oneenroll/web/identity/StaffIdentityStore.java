package org.oneenroll.web.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.stream.Collectors;
import org.oneenroll.identity.boundary.StaffAccounts;

/** Checks staff sign-ins against the staff accounts; an account's roles become the caller's groups. */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {

    @Inject
    StaffAccounts accounts;

    /** Answers only a user name and password (see {@link ParentIdentityStore#validate} for why not the default). */
    @Override
    public CredentialValidationResult validate(jakarta.security.enterprise.credential.Credential credential) {
        return credential instanceof UsernamePasswordCredential password
                ? validate(password)
                : CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return accounts.authenticate(
                        credential.getCaller(), credential.getPassword().getValue())
                .map(s -> new CredentialValidationResult(
                        s.username(), s.roles().stream().map(Enum::name).collect(Collectors.toSet())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
