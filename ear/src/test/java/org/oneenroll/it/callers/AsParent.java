package org.oneenroll.it.callers;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.concurrent.Callable;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Test only: runs work as a parent signed in with 13900001111 (role PARENT), as after the SMS sign-in. */
@Stateless
@LocalBean
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@RunAs("PARENT")
@RunAsPrincipal("13900001111")
public class AsParent implements Caller {

    public static final String PHONE = "13900001111";

    @Override
    public <T> Outcome<T> call(Callable<T> work) {
        try {
            return new Outcome<>(work.call(), null);
        } catch (Exception e) {
            return new Outcome<>(null, e);
        }
    }
}
