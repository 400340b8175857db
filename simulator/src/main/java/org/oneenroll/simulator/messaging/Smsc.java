package org.oneenroll.simulator.messaging;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageState;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.OptionalParameters;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;
import org.jsmpp.util.MessageId;

/**
 * The SMSC over SMPP 3.4, on jSMPP's server side: binds checked against the one configured system_id and
 * password, submit_sm decoded (short_message or message_payload, UCS-2 or Latin) with the idempotency key from TLV
 * 0x1401 and handed to the {@link SmsCenter}, delivery receipts sent back as deliver_sm through each receiving
 * session's {@link ReceiptOutbox}, and a "down" switch that refuses binds and drops every session.
 */
final class Smsc implements ServerMessageReceiverListener, ServerResponseDeliveryListener, ReceiptChannel {

    private static final Logger LOG = Logger.getLogger(Smsc.class.getName());

    /** The vendor-specific TLV carrying the client's idempotency key: ASCII, at most 100 bytes. */
    static final short TAG_IDEMPOTENCY_KEY = 0x1401;

    static final int MAX_KEY_LENGTH = 100;
    /** The system_id the SMSC names itself in bind responses. */
    static final String SMSC_SYSTEM_ID = "OneEnrollSMSC";
    /** Receipt dates are the SMSC's local time, as a Chinese operator's would be. */
    private static final DateTimeFormatter RECEIPT_DATE =
            DateTimeFormatter.ofPattern("yyMMddHHmm").withZone(ZoneId.of("Asia/Shanghai"));

    private static final DateTimeFormatter FINAL_DATE =
            DateTimeFormatter.ofPattern("yyMMddHHmmss").withZone(ZoneId.of("Asia/Shanghai"));

    private static final int BIND_TIMEOUT_MS = 5000;
    /** How long a refused connection may stay open for its client to read the refusal and hang up. */
    private static final long REFUSED_LINGER_MS = 2000;
    /** Idle time after which the SMSC sends its own enquire_link. */
    private static final int ENQUIRE_LINK_MS = 30_000;

    /** A session that bound successfully; {@code receipts} is {@code null} for a transmitter. */
    private record Bound(SMPPServerSession session, String systemId, BindType type, ReceiptOutbox receipts) {

        boolean receives() {
            return (type == BindType.BIND_RX || type == BindType.BIND_TRX)
                    && session.getSessionState().isReceivable();
        }
    }

    /** The submit_sm_resp's result, remembering the new record so its delivery starts once the resp is out. */
    private static final class Accepted extends SubmitSmResult {
        private final SmsRecord fresh;

        Accepted(MessageId id, SmsRecord fresh) {
            super(id, OptionalParameters.EMPTY_OPTIONAL_PARAMETERS);
            this.fresh = fresh;
        }
    }

    private final MessagingConfig config;
    private final SmsCenter center;
    private final MessagingFaults faults;
    private final EventLog log;
    private final Map<String, Bound> sessions = new ConcurrentHashMap<>();
    private final AtomicLong rotation = new AtomicLong();
    private final AtomicLong bindsRefused = new AtomicLong();
    private volatile boolean stopping;
    private ServerSocket socket;
    private SMPPServerSessionListener listener;
    private ExecutorService binders;
    private ExecutorService receiptWorkers;
    private ScheduledExecutorService closer;
    private Thread acceptor;

    Smsc(MessagingConfig config, SmsCenter center, MessagingFaults faults, EventLog log) {
        this.config = config;
        this.center = center;
        this.faults = faults;
        this.log = log;
        faults.onSmscChange((before, after) -> {
            if (after.down() && !before.down()) {
                dropAll();
            }
        });
    }

    /** Listens on {@code address}:{@code port} (0: a free port) and starts accepting connections. */
    synchronized void start(InetAddress address, int port) throws IOException {
        socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(address, port), 128);
        listener = new SMPPServerSessionListener(port, new ServerConnectionFactory() {
            @Override
            public ServerConnection listen(int p) {
                return new ListeningSocket(socket);
            }

            @Override
            public ServerConnection listen(int p, int timeout) {
                return listen(p);
            }

            @Override
            public ServerConnection listen(int p, int timeout, int backlog) {
                return listen(p);
            }
        });
        listener.setMessageReceiverListener(this);
        listener.setResponseDeliveryListener(this);
        listener.setSessionStateListener(this::stateChanged);
        listener.setInitiationTimer(BIND_TIMEOUT_MS);
        // a client's window of unanswered submits may be large; past the queue jSMPP itself would answer THROTTLED
        listener.setQueueCapacity(10_000);
        AtomicInteger n = new AtomicInteger();
        binders = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "smsc-bind-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        AtomicInteger w = new AtomicInteger();
        // at most receiptWindow workers per receiving session, each waiting for one deliver_sm_resp
        receiptWorkers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "smsc-receipts-" + w.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        closer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smsc-closer");
            t.setDaemon(true);
            return t;
        });
        acceptor = new Thread(this::acceptLoop, "smsc-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Stops listening and drops every session. */
    void stop() {
        synchronized (this) {
            if (listener == null || stopping) {
                return;
            }
            stopping = true;
        }
        try {
            listener.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing the SMPP listener", e);
        }
        dropAll();
        binders.shutdownNow();
        receiptWorkers.shutdownNow();
        // refused connections still lingering are closed now rather than left open
        closer.shutdownNow().forEach(Runnable::run);
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Bound sessions now, in total and by bind type. */
    Map<String, Object> sessionStats() {
        Map<String, Object> byType = new LinkedHashMap<>();
        for (BindType t : List.of(BindType.BIND_TX, BindType.BIND_RX, BindType.BIND_TRX)) {
            byType.put(
                    t.name(),
                    sessions.values().stream().filter(b -> b.type() == t).count());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sessionsBound", sessions.size());
        m.put("sessionsByType", byType);
        m.put("bindsRefused", bindsRefused.get());
        m.put(
                "receiptsQueued",
                sessions.values().stream()
                        .filter(b -> b.receipts() != null)
                        .mapToLong(b -> b.receipts().waiting())
                        .sum());
        m.put(
                "receiptsInFlight",
                sessions.values().stream()
                        .filter(b -> b.receipts() != null)
                        .mapToLong(b -> b.receipts().inFlight())
                        .sum());
        return m;
    }

    int sessionsBound() {
        return sessions.size();
    }

    /** Closes every connection at once, without unbind, as a crashed SMSC would. */
    void dropAll() {
        List<Bound> all = new ArrayList<>(sessions.values());
        sessions.clear();
        for (Bound b : all) {
            b.session().close();
        }
        if (!all.isEmpty()) {
            LOG.info(() -> "SMSC dropped " + all.size() + " session(s)");
        }
    }

    // ---- connections and binds ------------------------------------------------------------------------------

    private void acceptLoop() {
        while (!stopping) {
            try {
                SMPPServerSession session = listener.accept();
                binders.execute(() -> bind(session));
            } catch (IOException e) {
                if (stopping || socket.isClosed()) {
                    return;
                }
                LOG.log(Level.WARNING, "accepting an SMPP connection failed", e);
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                LOG.log(Level.WARNING, "accepting an SMPP connection failed", e);
            }
        }
    }

    private void bind(SMPPServerSession session) {
        BindRequest request;
        try {
            request = session.waitForBind(BIND_TIMEOUT_MS);
        } catch (TimeoutException | IllegalStateException e) {
            LOG.fine(() -> "no bind within " + BIND_TIMEOUT_MS + " ms from " + session.getInetAddress());
            session.close();
            return;
        }
        String systemId = request.getSystemId();
        try {
            if (faults.smsc().down()) {
                refuse(session, request, SMPPConstant.STAT_ESME_RBINDFAIL, "the SMSC is down");
                return;
            }
            if (!config.systemId().equals(systemId) || !config.password().equals(request.getPassword())) {
                // like most operators, one status for both: it does not tell which half was wrong
                refuse(session, request, SMPPConstant.STAT_ESME_RINVPASWD, "wrong system_id or password");
                return;
            }
            session.setTransactionTimer(config.receiptAnswerMs());
            // jSMPP leaves the 5 s bind timeout as the idle timer; a bound session is probed less eagerly
            session.setEnquireLinkTimer(ENQUIRE_LINK_MS);
            BindType type = request.getBindType();
            ReceiptOutbox receipts = type == BindType.BIND_TX
                    ? null
                    : new ReceiptOutbox(
                            r -> deliver(session, r), receiptWorkers, config.receiptWindow(), config.receiptQueue());
            Bound bound = new Bound(session, systemId, type, receipts);
            sessions.put(session.getSessionId(), bound);
            request.accept(SMSC_SYSTEM_ID, InterfaceVersion.IF_34);
            if (!session.getSessionState().isBound()) {
                sessions.remove(session.getSessionId());
                return;
            }
            if (faults.smsc().down()) {
                // switched down while this bind was answered: it must not outlive the switch
                sessions.remove(session.getSessionId());
                session.close();
                return;
            }
            LOG.info(() -> "SMPP " + request.getBindType() + " bound: system_id " + systemId + " from "
                    + session.getInetAddress().getHostAddress() + " (" + sessions.size() + " bound)");
            log.event("BIND_ACCEPTED")
                    .put("systemId", systemId)
                    .put("bindType", request.getBindType())
                    .write();
        } catch (PDUException | IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "answering a bind from " + systemId + " failed", e);
            sessions.remove(session.getSessionId());
            session.close();
        }
    }

    private void refuse(SMPPServerSession session, BindRequest request, int status, String why) throws IOException {
        bindsRefused.incrementAndGet();
        try {
            request.reject(status);
        } finally {
            // jSMPP clients close on the negative bind_resp themselves; closing at once would race their reading
            // of it (they would time out instead of seeing the status), so the SMSC only closes what lingers
            closer.schedule(session::close, REFUSED_LINGER_MS, TimeUnit.MILLISECONDS);
        }
        LOG.info(() -> String.format(
                "SMPP %s refused (0x%08x, %s): system_id %s",
                request.getBindType(), status, why, request.getSystemId()));
        log.event("BIND_REFUSED")
                .put("systemId", request.getSystemId())
                .put("bindType", request.getBindType())
                .put("status", String.format("0x%08x", status))
                .put("reason", why)
                .write();
    }

    private void stateChanged(SessionState now, SessionState before, Session source) {
        if (now == SessionState.CLOSED || now == SessionState.UNBOUND) {
            Bound gone = sessions.remove(source.getSessionId());
            if (gone != null) {
                LOG.info(() -> "SMPP " + gone.type() + " session of " + gone.systemId()
                        + (now == SessionState.UNBOUND ? " unbound" : " closed") + " (" + sessions.size()
                        + " bound)");
            }
        }
    }

    // ---- submit_sm ------------------------------------------------------------------------------------------

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
        Bound bound = sessions.get(source.getSessionId());
        SmsSubmission submission = submission(submit, source, bound == null ? null : bound.systemId());
        SmsCenter.Outcome o = center.submit(submission);
        try {
            return switch (o.verdict()) {
                case ACCEPTED -> new Accepted(new MessageId(o.messageId()), o.record());
                case DUPLICATE -> new Accepted(new MessageId(o.messageId()), null);
                case THROTTLED -> throw new ProcessRequestException(
                        "more than " + faults.smsc().throttlePerSecond() + " messages in the last second",
                        SMPPConstant.STAT_ESME_RTHROTTLED);
                case FAILED -> throw new ProcessRequestException(
                        "simulated system error", SMPPConstant.STAT_ESME_RSYSERR);
                case DOWN -> throw new ProcessRequestException("the SMSC is down", SMPPConstant.STAT_ESME_RSYSERR);
            };
        } catch (PDUStringException e) {
            throw new ProcessRequestException(
                    "message id " + o.messageId() + " refused", SMPPConstant.STAT_ESME_RSYSERR);
        }
    }

    /** Decodes and checks a submit_sm; a bad one is refused with the SMPP status that names the problem. */
    private SmsSubmission submission(SubmitSm submit, SMPPServerSession source, String systemId)
            throws ProcessRequestException {
        String destination = submit.getDestAddress();
        if (destination == null || destination.isBlank()) {
            throw invalid("destination_addr is empty", SMPPConstant.STAT_ESME_RINVDSTADR);
        }
        byte[] shortMessage = submit.getShortMessage() == null ? new byte[0] : submit.getShortMessage();
        OptionalParameter payload = submit.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
        if (payload != null && shortMessage.length > 0) {
            throw invalid(
                    "both short_message and message_payload are set: use one", SMPPConstant.STAT_ESME_RSUBMITFAIL);
        }
        byte[] bytes = payload instanceof OptionalParameter.OctetString p ? p.getValue() : shortMessage;
        if ((submit.getEsmClass() & GSMSpecificFeature.UDHI.value()) != 0) {
            // a part of a concatenated message: the text starts after the user data header (no reassembly here)
            int header = bytes.length == 0 ? 0 : 1 + (bytes[0] & 0xff);
            bytes = Arrays.copyOfRange(bytes, Math.min(header, bytes.length), bytes.length);
        }
        SmsText text;
        try {
            text = SmsText.decode(submit.getDataCoding(), bytes);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage(), SMPPConstant.STAT_ESME_RSUBMITFAIL);
        }
        return new SmsSubmission(
                SmsRecord.Channel.SMPP,
                key(submit),
                submit.getSourceAddr(),
                destination,
                text,
                submit.getPriorityFlag() > 0,
                systemId,
                source.getSessionId(),
                submit.getRegisteredDelivery());
    }

    /** The idempotency key of TLV 0x1401, or {@code null} without one; a trailing NUL is tolerated. */
    private String key(SubmitSm submit) throws ProcessRequestException {
        OptionalParameter tlv = submit.getOptionalParameter(TAG_IDEMPOTENCY_KEY);
        if (tlv == null) {
            return null;
        }
        byte[] value = tlv instanceof OptionalParameter.OctetString s ? s.getValue() : new byte[0];
        int length = value.length > 0 && value[value.length - 1] == 0 ? value.length - 1 : value.length;
        if (length == 0 || length > MAX_KEY_LENGTH) {
            throw invalid(
                    "idempotency key (TLV 0x1401) must be 1 to " + MAX_KEY_LENGTH + " ASCII bytes, got " + length,
                    SMPPConstant.STAT_ESME_RINVTLVVAL);
        }
        for (int i = 0; i < length; i++) {
            if (value[i] < 0x20 || value[i] > 0x7e) {
                throw invalid(
                        "idempotency key (TLV 0x1401) must be printable ASCII", SMPPConstant.STAT_ESME_RINVTLVVAL);
            }
        }
        return new String(value, 0, length, StandardCharsets.US_ASCII);
    }

    private ProcessRequestException invalid(String reason, int status) {
        center.invalid(SmsRecord.Channel.SMPP, reason);
        return new ProcessRequestException(reason, status);
    }

    @Override
    public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession source) {
        if (result instanceof Accepted a && a.fresh != null) {
            center.dispatch(a.fresh);
        }
    }

    @Override
    public void onSubmitSmRespError(SubmitSmResult result, Exception cause, SMPPServerSession source) {
        // the message was accepted even if its answer was lost: it is delivered all the same
        onSubmitSmRespSent(result, source);
    }

    // ---- delivery receipts ----------------------------------------------------------------------------------

    @Override
    public void send(ReceiptChannel.Attempt attempt) {
        Optional<Bound> target = receiver(attempt.record());
        if (target.isEmpty()) {
            attempt.finished(ReceiptChannel.Result.NO_SESSION);
        } else if (!target.get().receipts().offer(attempt)) {
            attempt.finished(ReceiptChannel.Result.QUEUE_FULL);
        }
    }

    /** Sends one receipt as deliver_sm and waits for the client's answer: on a receipt worker, never on a PDU thread. */
    private ReceiptChannel.Result deliver(SMPPServerSession session, SmsRecord r) {
        boolean delivered = r.status() == SmsRecord.Status.DELIVERED;
        String text = receiptText(r);
        try {
            session.deliverShortMessage(
                    "",
                    TypeOfNumber.UNKNOWN,
                    NumberingPlanIndicator.UNKNOWN,
                    r.destination(),
                    TypeOfNumber.UNKNOWN,
                    NumberingPlanIndicator.UNKNOWN,
                    r.source() == null ? "" : r.source(),
                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                    (byte) 0,
                    (byte) 0,
                    new RegisteredDelivery(0),
                    DataCodings.ZERO,
                    text.getBytes(StandardCharsets.US_ASCII),
                    new OptionalParameter.Receipted_message_id(r.messageId()),
                    new OptionalParameter.Message_state(
                            (delivered ? MessageState.DELIVERED : MessageState.UNDELIVERABLE).value()));
            return ReceiptChannel.Result.SENT;
        } catch (NegativeResponseException e) {
            LOG.fine(() -> "deliver_sm for " + r.messageId() + " refused by the client: " + e.getCommandStatus());
            return ReceiptChannel.Result.FAILED;
        } catch (ResponseTimeoutException
                | InvalidResponseException
                | PDUException
                | IOException
                | RuntimeException e) {
            LOG.fine(() -> "deliver_sm for " + r.messageId() + " failed: " + e);
            return ReceiptChannel.Result.FAILED;
        }
    }

    /** The submitting session if it can receive, else another receiver of the same system_id, in turn. */
    private Optional<Bound> receiver(SmsRecord r) {
        Bound own = r.sessionId() == null ? null : sessions.get(r.sessionId());
        if (own != null && own.receives()) {
            return Optional.of(own);
        }
        List<Bound> candidates = sessions.values().stream()
                .filter(b -> b.receives() && b.systemId().equals(r.systemId()))
                .toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(candidates.get((int) (rotation.getAndIncrement() % candidates.size())));
    }

    /**
     * The SMPP 3.4 Appendix B receipt: {@code id:... sub:001 dlvrd:001 submit date:yyMMddHHmm done
     * date:yyMMddHHmm stat:DELIVRD err:000 text:...}, the text's first 20 characters in ASCII.
     */
    static String receiptText(SmsRecord r) {
        boolean delivered = r.status() == SmsRecord.Status.DELIVERED;
        Instant done = r.doneAt() == null ? Instant.now() : r.doneAt();
        return "id:" + r.messageId() + " sub:001 dlvrd:" + (delivered ? "001" : "000") + " submit date:"
                + RECEIPT_DATE.format(r.acceptedAt()) + " done date:" + RECEIPT_DATE.format(done) + " stat:"
                + (delivered ? "DELIVRD" : "UNDELIV") + " err:" + (delivered ? "000" : "001") + " text:"
                + r.smsText().receiptPreview(20);
    }

    // ---- the rest of SMPP: query_sm answered, everything else refused ---------------------------------------

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm query, SMPPServerSession source) throws ProcessRequestException {
        SmsRecord r = center.find(query.getMessageId())
                .orElseThrow(() -> new ProcessRequestException(
                        "no message " + query.getMessageId(), SMPPConstant.STAT_ESME_RQUERYFAIL));
        MessageState state =
                switch (r.status()) {
                    case ACCEPTED -> MessageState.ENROUTE;
                    case DELIVERED -> MessageState.DELIVERED;
                    case UNDELIVERABLE -> MessageState.UNDELIVERABLE;
                };
        // SMPP absolute time YYMMDDhhmmss t nn p: Shanghai is 32 quarter hours ahead of UTC
        String finalDate = r.doneAt() == null ? null : FINAL_DATE.format(r.doneAt()) + "032+";
        return new QuerySmResult(finalDate, state, (byte) 0);
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
            throws ProcessRequestException {
        throw unsupported("submit_multi");
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported("replace_sm");
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported("cancel_sm");
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw unsupported("broadcast_sm");
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancel, SMPPServerSession source)
            throws ProcessRequestException {
        throw unsupported("cancel_broadcast_sm");
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm query, SMPPServerSession source)
            throws ProcessRequestException {
        throw unsupported("query_broadcast_sm");
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw unsupported("data_sm");
    }

    @Override
    public void onSubmitMultiRespSent(SubmitMultiResult result, SMPPServerSession source) {}

    @Override
    public void onSubmitMultiRespError(SubmitMultiResult result, Exception cause, SMPPServerSession source) {}

    private static ProcessRequestException unsupported(String command) {
        return new ProcessRequestException(
                command + " is not supported by this SMSC: use submit_sm", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    /** jSMPP's server connection over a socket bound before the listener exists, so port 0 can be read back. */
    private record ListeningSocket(ServerSocket socket) implements ServerConnection {

        @Override
        public Connection accept() throws IOException {
            Socket accepted = socket.accept();
            try {
                // PDUs are small and answered one by one: Nagle would hold a deliver_sm or submit_sm_resp back
                // until the client acknowledged the one before
                accepted.setTcpNoDelay(true);
                return new SocketConnection(accepted);
            } catch (IOException e) {
                accepted.close();
                throw e;
            }
        }

        @Override
        public void setSoTimeout(int timeout) throws IOException {
            socket.setSoTimeout(timeout);
        }

        @Override
        public int getSoTimeout() throws IOException {
            return socket.getSoTimeout();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
