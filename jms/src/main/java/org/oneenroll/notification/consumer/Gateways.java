package org.oneenroll.notification.consumer;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
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
 * Delivery receipts are collected and applied in batches every 200 ms; one that overtook the commit of its message
 * is tried again for five minutes before it is given up (the message then stays "submitted").
 */
@ApplicationScoped
public class Gateways {

    private static final Logger LOG = Logger.getLogger(Gateways.class.getName());
    /**
     * A receipt whose message is still unknown is tried again on the next flushes, this many times (200 ms apart):
     * five minutes, the transaction timeout, since a batch's receipts can arrive before the batch's transaction has
     * recorded its submissions.
     */
    static final int RECEIPT_TRIES = 1500;

    static final int RECEIPT_BATCH = 2000;

    @Inject
    SmsDispatch dispatch;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Queue<Pending> receipts = new ConcurrentLinkedQueue<>();
    private ScheduledFuture<?> flushing;
    private SmsGateway sms;
    private ProvincialPlatform provincial;

    @PostConstruct
    void init() {
        GatewaySettings settings = GatewaySettings.fromEnvironment();
        sms = switch (settings.gateway()) {
            case "http" -> new HttpSmsGateway(settings);
            case "smpp" -> new SmppGateway(settings, (id, delivered) -> receipts.add(new Pending(id, delivered, 1)));
            default -> throw new IllegalStateException(
                    "oneenroll.sms.gateway is smpp or http, not " + settings.gateway());
        };
        provincial = new ProvincialPlatform(settings);
        flushing = scheduler.scheduleWithFixedDelay(this::flushReceipts, 200, 200, TimeUnit.MILLISECONDS);
        LOG.info(() -> "SMS gateway " + sms.name() + ", provincial platform at " + settings.provincialUrl());
    }

    @PreDestroy
    void close() {
        if (flushing != null) {
            flushing.cancel(false);
        }
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

    /**
     * Applies the receipts that came in, many per transaction, off the SMPP session's threads (which also carry the
     * answers to submits: a database transaction per receipt there would slow every submit down).
     */
    void flushReceipts() {
        try {
            List<Pending> batch = new ArrayList<>();
            Pending p;
            while (batch.size() < RECEIPT_BATCH && (p = receipts.poll()) != null) {
                batch.add(p);
            }
            if (batch.isEmpty()) {
                return;
            }
            Map<String, Pending> byId = new HashMap<>();
            batch.forEach(b -> byId.put(b.gatewayId(), b));
            List<SmsDispatch.Receipt> unknown;
            try {
                unknown = dispatch.receipts(
                        sms.name(),
                        batch.stream()
                                .map(b -> new SmsDispatch.Receipt(b.gatewayId(), b.delivered()))
                                .toList());
            } catch (RuntimeException e) {
                // The database failed: the whole batch goes back, each receipt counting one try.
                LOG.log(Level.WARNING, "Applying " + batch.size() + " delivery receipts failed; they are retried", e);
                batch.forEach(b -> requeue(b));
                return;
            }
            for (SmsDispatch.Receipt r : unknown) {
                requeue(byId.get(r.gatewayId()));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Applying delivery receipts failed", e);
        }
    }

    private void requeue(Pending p) {
        if (p.attempt() >= RECEIPT_TRIES) {
            LOG.warning(
                    () -> "Delivery receipt for SMSC message " + p.gatewayId() + " dropped: no message waits for it");
        } else {
            receipts.add(new Pending(p.gatewayId(), p.delivered(), p.attempt() + 1));
        }
    }

    private record Pending(String gatewayId, boolean delivered, int attempt) {}
}
