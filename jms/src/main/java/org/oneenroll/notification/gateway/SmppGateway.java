package org.oneenroll.notification.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;

/**
 * SMS over SMPP 3.4 (jSMPP): one transceiver session, bound on first use and again whenever it drops, shared by
 * all senders. Text goes as UCS-2 (data_coding 8), in {@code short_message} up to 70 characters and in the
 * {@code message_payload} TLV beyond; the idempotency key rides in the vendor TLV 0x1401 so the SMSC recognises
 * a message sent again after a crash; delivery receipts are asked for and handed to {@code receipts}.
 * Connecting, binding and every submit are bounded by the configured timeout.
 */
public final class SmppGateway implements SmsGateway, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SmppGateway.class.getName());
    /** The vendor-specific TLV carrying the idempotency key (docs/simulator.md). */
    public static final short KEY_TAG = 0x1401;

    static final int THROTTLED = 0x58;
    static final int QUEUE_FULL = 0x14;
    static final int UCS2_SHORT_MESSAGE_BYTES = 140;

    private final GatewaySettings settings;
    private final BiConsumer<String, Boolean> receipts;
    private volatile SMPPSession session;

    /** @param receipts called with (gateway message id, delivered) for each delivery receipt */
    public SmppGateway(GatewaySettings settings, BiConsumer<String, Boolean> receipts) {
        this.settings = settings;
        this.receipts = receipts;
    }

    @Override
    public String name() {
        return "smpp";
    }

    @Override
    public String send(OutgoingSms sms) throws GatewayException {
        SMPPSession s = session();
        byte[] text = sms.text().getBytes(StandardCharsets.UTF_16BE);
        boolean payload = text.length > UCS2_SHORT_MESSAGE_BYTES;
        OptionalParameter key =
                new OptionalParameter.OctetString(KEY_TAG, sms.key().getBytes(StandardCharsets.US_ASCII));
        OptionalParameter[] tlvs = payload
                ? new OptionalParameter[] {key, new OptionalParameter.Message_payload(text)}
                : new OptionalParameter[] {key};
        try {
            return s.submitShortMessage(
                            "",
                            TypeOfNumber.UNKNOWN,
                            NumberingPlanIndicator.UNKNOWN,
                            settings.source(),
                            TypeOfNumber.NATIONAL,
                            NumberingPlanIndicator.ISDN,
                            sms.to(),
                            new ESMClass(),
                            (byte) 0,
                            (byte) 1,
                            null,
                            null,
                            new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
                            (byte) 0,
                            new GeneralDataCoding(Alphabet.ALPHA_UCS2),
                            (byte) 0,
                            payload ? new byte[0] : text,
                            tlvs)
                    .getMessageId();
        } catch (NegativeResponseException e) {
            if (e.getCommandStatus() == THROTTLED || e.getCommandStatus() == QUEUE_FULL) {
                throw GatewayException.throttled(
                        "SMSC throttled (" + e.getCommandStatus() + ")", Duration.ofSeconds(1));
            }
            throw GatewayException.failed(
                    "SMSC refused the message: command status 0x" + Integer.toHexString(e.getCommandStatus()), e);
        } catch (ResponseTimeoutException e) {
            throw GatewayException.failed(
                    "SMSC did not answer within " + settings.timeout().toMillis() + " ms", e);
        } catch (PDUException | InvalidResponseException e) {
            throw GatewayException.failed("SMPP protocol error: " + e.getMessage(), e);
        } catch (IOException e) {
            closeIfCurrent(s);
            throw GatewayException.failed("SMSC connection lost: " + e.getMessage(), e);
        }
    }

    /** The bound session, binding a new one when there is none. */
    private SMPPSession session() throws GatewayException {
        SMPPSession s = session;
        if (s != null && s.getSessionState().isBound()) {
            return s;
        }
        synchronized (this) {
            s = session;
            if (s != null && s.getSessionState().isBound()) {
                return s;
            }
            if (s != null) {
                s.close();
            }
            int timeout = (int) settings.timeout().toMillis();
            SMPPSession fresh = new SMPPSession(new TimedConnections(timeout));
            fresh.setTransactionTimer(timeout);
            fresh.setEnquireLinkTimer(30_000);
            fresh.setMessageReceiverListener(new Receipts());
            try {
                fresh.connectAndBind(
                        settings.smppHost(),
                        settings.smppPort(),
                        new BindParameter(
                                BindType.BIND_TRX,
                                settings.systemId(),
                                settings.password(),
                                "",
                                TypeOfNumber.UNKNOWN,
                                NumberingPlanIndicator.UNKNOWN,
                                null),
                        timeout);
            } catch (IOException e) {
                fresh.close();
                throw GatewayException.failed(
                        "cannot bind to the SMSC at " + settings.smppHost() + ":" + settings.smppPort() + ": "
                                + e.getMessage(),
                        e);
            }
            LOG.info(() -> "Bound to the SMSC at " + settings.smppHost() + ":" + settings.smppPort() + " as "
                    + settings.systemId());
            session = fresh;
            return fresh;
        }
    }

    /** Drops a session that failed, unless another thread has already bound a new one in its place. */
    private synchronized void closeIfCurrent(SMPPSession failed) {
        if (session == failed) {
            close();
        }
    }

    @Override
    public synchronized void close() {
        SMPPSession s = session;
        session = null;
        if (s != null) {
            try {
                if (s.getSessionState().isBound()) {
                    s.unbindAndClose();
                } else {
                    s.close();
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "closing the SMPP session", e);
            }
        }
    }

    /** Sockets whose connect is bounded (jSMPP's default factory waits as long as the OS does). */
    private static final class TimedConnections implements ConnectionFactory {
        private final int timeoutMillis;

        TimedConnections(int timeoutMillis) {
            this.timeoutMillis = timeoutMillis;
        }

        @Override
        public Connection createConnection(String host, int port) throws IOException {
            Socket socket = new Socket();
            try {
                // Requests and answers are small PDUs: waiting to coalesce them (Nagle) only adds latency.
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(host, port), timeoutMillis);
                return new SocketConnection(socket);
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        }
    }

    /** Delivery receipts from the SMSC; anything else it might send is refused. */
    private final class Receipts implements MessageReceiverListener {
        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            if (!deliverSm.isSmscDeliveryReceipt()) {
                throw new ProcessRequestException("mobile-originated messages are not handled", 0x03);
            }
            try {
                DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
                receipts.accept(receipt.getId(), receipt.getFinalStatus() == DeliveryReceiptState.DELIVRD);
            } catch (InvalidDeliveryReceiptException e) {
                LOG.warning(() -> "Unreadable delivery receipt: " + e.getMessage());
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
            // not used: OneEnroll does not ask for alerts
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm is not handled", 0x03);
        }
    }
}
