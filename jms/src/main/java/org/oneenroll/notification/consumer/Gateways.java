package org.oneenroll.notification.consumer;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.oneenroll.notification.boundary.SmsDispatch;
import org.oneenroll.notification.gateway.GatewaySettings;
import org.oneenroll.notification.gateway.HttpSmsGateway;
import org.oneenroll.notification.gateway.ProvincialPlatform;
import org.oneenroll.notification.gateway.SmppGateway;
import org.oneenroll.notification.gateway.SmsGateway;

/**
 * The server's one SMS gateway (SMPP or HTTP, by {@code oneenroll.sms.gateway}) and provincial platform client.
 * A delivery receipt can overtake the commit of the message it is about; it is retried a few times before it
 * is given up (the message then stays "submitted").
 */
@ApplicationScoped
public class Gateways {

    private static final Logger LOG = Logger.getLogger(Gateways.class.getName());
    static final int RECEIPT_TRIES = 20;

    @Inject
    SmsDispatch dispatch;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private SmsGateway sms;
    private ProvincialPlatform provincial;

    @PostConstruct
    void init() {
        GatewaySettings settings = GatewaySettings.fromEnvironment();
        sms = switch (settings.gateway()) {
            case "http" -> new HttpSmsGateway(settings);
            case "smpp" -> new SmppGateway(settings, (id, delivered) -> receipt(id, delivered, 1));
            default -> throw new IllegalStateException(
                    "oneenroll.sms.gateway is smpp or http, not " + settings.gateway());
        };
        provincial = new ProvincialPlatform(settings);
        LOG.info(() -> "SMS gateway " + sms.name() + ", provincial platform at " + settings.provincialUrl());
    }

    @PreDestroy
    void close() {
        if (sms instanceof SmppGateway smpp) {
            smpp.close();
        }
    }

    public SmsGateway sms() {
        return sms;
    }

    public ProvincialPlatform provincial() {
        return provincial;
    }

    private void receipt(String gatewayId, boolean delivered, int attempt) {
        try {
            if (dispatch.receipt(gatewayId, delivered)) {
                return;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "receipt for " + gatewayId, e);
        }
        if (attempt >= RECEIPT_TRIES) {
            LOG.warning(() -> "Delivery receipt for unknown SMSC message " + gatewayId + " dropped");
            return;
        }
        scheduler.schedule(() -> receipt(gatewayId, delivered, attempt + 1), 500L * attempt, TimeUnit.MILLISECONDS);
    }
}
