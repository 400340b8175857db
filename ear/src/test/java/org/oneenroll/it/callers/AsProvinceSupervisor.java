package org.oneenroll.it.callers;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.concurrent.Callable;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Test only: runs work as the province supervisor of 甘肃省 (account "province.supervisor", role PROVINCE_SUPERVISOR), as if they had signed in. */
@Stateless
@LocalBean
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@RunAs("PROVINCE_SUPERVISOR")
@RunAsPrincipal("province.supervisor")
public class AsProvinceSupervisor implements Caller {

    @Override
    public <T> Outcome<T> call(Callable<T> work) {
        try {
            return new Outcome<>(work.call(), null);
        } catch (Exception e) {
            return new Outcome<>(null, e);
        }
    }
}
