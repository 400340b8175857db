-- The outboxes of what leaves OneEnroll. A row is written in the same transaction as the state change that
-- causes it, together with its queue message (XA), so a rolled-back change sends nothing and a committed one
-- always sends; the unique idempotency key makes one business event one message, whatever is redelivered.
create sequence sms_seq start with 1 increment by 50;
create sequence feedback_seq start with 1 increment by 50;

create table sms_message (
    id               bigint       primary key,
    idempotency_key  varchar(100) not null unique,
    template         varchar(32)  not null,
    urgent           boolean      not null,
    phone_sealed     bytea        not null,
    phone_digest     bytea        not null,
    phone_masked     varchar(11)  not null,
    text_sealed      bytea        not null,
    segments         integer      not null,
    case_number      varchar(24),
    status           varchar(16)  not null,
    attempts         integer      not null default 0,
    created_at       timestamp(6) with time zone not null,
    not_before       timestamp(6) with time zone,
    submitted_at     timestamp(6) with time zone,
    delivered_at     timestamp(6) with time zone,
    gateway          varchar(8),
    gateway_id       varchar(64),
    last_error       varchar(200),
    version          bigint       not null default 0
);
create index sms_message_phone on sms_message (phone_digest, submitted_at);
create index sms_message_status on sms_message (status, created_at);
create index sms_message_gateway_id on sms_message (gateway_id);
create index sms_message_case on sms_message (case_number);

create table case_feedback (
    id              bigint       primary key,
    case_number     varchar(24)  not null,
    sequence        integer      not null,
    status          varchar(24)  not null,
    occurred_at     timestamp(6) with time zone not null,
    detail          varchar(200),
    created_at      timestamp(6) with time zone not null,
    sent_at         timestamp(6) with time zone,
    attempts        integer      not null default 0,
    last_error      varchar(200),
    version         bigint       not null default 0,
    unique (case_number, sequence)
);
create index case_feedback_unsent on case_feedback (case_number, sent_at);
