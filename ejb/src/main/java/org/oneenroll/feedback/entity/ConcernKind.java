package org.oneenroll.feedback.entity;

import org.oneenroll.platform.control.Messages;

/** 咨询 or 投诉: a question to answer, or a complaint about how something was handled. */
public enum ConcernKind {
    CONSULTATION('Z'),
    COMPLAINT('T');

    private final char letter;

    ConcernKind(char letter) {
        this.letter = letter;
    }

    /** The letter a reference number starts with: Z for 咨询, T for 投诉. */
    public char letter() {
        return letter;
    }

    public String label() {
        return Messages.format(Messages.DEFAULT_LOCALE, "feedback.kind." + name());
    }
}
