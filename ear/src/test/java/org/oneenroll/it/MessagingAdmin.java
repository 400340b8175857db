package org.oneenroll.it;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * The messaging simulator's admin side (docs/simulator.md), for tests: switch faults, read what the SMSC
 * accepted and what the provincial platform received.
 */
public final class MessagingAdmin extends SimulatorAdmin {

    /** On the server, where the messaging simulator's address is a server setting. */
    public MessagingAdmin() {
        this(System.getProperty("oneenroll.provincial.url"));
    }

    public MessagingAdmin(String base) {
        super(base);
    }

    /** The messages the SMSC (or the HTTP provider) accepted for a number, oldest first. */
    public List<JsonObject> smsTo(String phone) {
        return list("/admin/sms?limit=1000&to=" + encode(phone), "messages");
    }

    /** The accepted messages with an idempotency key. */
    public List<JsonObject> smsWithKey(String key) {
        return list("/admin/sms?limit=1000&key=" + encode(key), "messages");
    }

    /** The newest {@code limit} messages the SMSC stored, oldest first. */
    public List<JsonObject> sms(int limit) {
        return list("/admin/sms?limit=" + limit, "messages");
    }

    /** The feedback items the provincial platform stored for a case, in the order they arrived. */
    public List<JsonObject> feedbackOf(String caseNumber) {
        return list("/admin/feedback?limit=1000&caseNumber=" + encode(caseNumber), "items");
    }

    public JsonObject stats() {
        return get("/admin/stats");
    }
}
