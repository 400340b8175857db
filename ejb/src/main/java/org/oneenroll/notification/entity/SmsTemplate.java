package org.oneenroll.notification.entity;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * The SMS OneEnroll sends, in Chinese, signed 【入学一件事】 as carriers require. Only a one-time code is
 * urgent: everything else waits out the quiet hours. Arguments are plain strings ({0}, {1} ...), already
 * formatted (dates as people read them).
 */
public enum SmsTemplate {
    /** {0} the code, {1} the minutes it is valid (the county's setting). */
    LOGIN_CODE(true, 2, "【入学一件事】验证码{0}，{1}分钟内有效。请勿告知他人，工作人员不会向您索要验证码。"),
    /** {0} the child's name, {1} 小学/初中, {2} the case number. */
    APPLICATION_RECEIVED(false, 3, "【入学一件事】{0}的{1}入学申请已受理，办件编号{2}。系统正在核验户籍、房产等信息，结果将短信告知，也可在“入学一件事”页面查询。"),
    /** {0} the case number, {1} the proofs, {2} the deadline. */
    PROOF_REQUESTED(false, 3, "【入学一件事】办件{0}需补充材料：{1}。请于{2}前登录“入学一件事”上传，逾期未补充将影响审核。"),
    /** {0} the case number, {1} what could not be confirmed. */
    CHECK_FAILED(false, 2, "【入学一件事】办件{0}有信息未能自动核验（{1}）。请登录“入学一件事”查看原因，点击“我要复查”或按提示上传材料，也可到招生服务点办理。"),
    /** {0} the child's name, {1} the school, {2} the case number, {3} the date to confirm by. */
    ADMISSION_RESULT(false, 4, "【入学一件事】{0}已被{1}录取（办件{2}）。请于{3}前登录“入学一件事”确认学籍信息，并按学校通知报到。"),
    /** {0} the case number, {1} the school offered, {2} the date to answer by, {3} the hotline. */
    REALLOCATION_OFFER(false, 4, "【入学一件事】办件{0}：所报学校学位已满，拟调剂至{1}。请于{2}前登录“入学一件事”确认是否接受，咨询电话{3}。"),
    /** {0} the link, {1} the child's name, {2} the date the link expires. */
    PRE_REGISTRATION_LINK(false, 3, "【入学一件事】请打开 {0} 核对{1}的学籍信息并确认，链接{2}前有效。");

    private final boolean urgent;
    private final int arguments;
    private final String pattern;

    SmsTemplate(boolean urgent, int arguments, String pattern) {
        this.urgent = urgent;
        this.arguments = arguments;
        this.pattern = pattern;
    }

    /** Whether the message may go out in the quiet hours. */
    public boolean urgent() {
        return urgent;
    }

    /** The text with its arguments. */
    public String render(String... args) {
        if (args.length != arguments) {
            throw new IllegalArgumentException(name() + " takes " + arguments + " arguments, not " + args.length);
        }
        for (String a : args) {
            Objects.requireNonNull(a, "SMS argument");
        }
        return new MessageFormat(pattern.replace("'", "''"), Locale.SIMPLIFIED_CHINESE).format(args);
    }
}
