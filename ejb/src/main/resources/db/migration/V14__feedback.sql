-- 咨询投诉 (seed 000 三(二) 咨询投诉渠道公开, 五(二) 12345 热线; seed 001 九 咨询答复): the consultations and
-- complaints families raise online, by phone, through a 12345 transfer or at the counter, and how each was handled.
-- Everything the family typed (phone, subject, text) and everything staff wrote back (reply, history notes) is sealed
-- (SM4-GCM); the phone's keyed digest finds a caller's earlier items and counts the per-number limit, the client
-- address's keyed digest counts the per-address limit. In clear are only what queues and supervisors' counts filter
-- on: county, kind, channel, state, dates, handler, the case number and the 12345 ticket number.
create sequence concern_seq start with 1 increment by 50;
create table concern (
    id               bigint       primary key,
    kind             varchar(16)  not null,
    channel          varchar(16)  not null,
    county_code      varchar(6)   not null,
    case_number      varchar(24),
    phone_sealed     bytea        not null,
    phone_digest     bytea        not null,
    address_digest   bytea,
    subject_sealed   bytea        not null,
    text_sealed      bytea        not null,
    external_ref     varchar(40),
    entered_by       varchar(64),
    received_at      timestamp(6) with time zone not null,
    due_on           date         not null,
    state            varchar(16)  not null,
    state_changed_at timestamp(6) with time zone not null,
    handler          varchar(64),
    reply_sealed     bytea,
    answered_at      timestamp(6) with time zone,
    closed_at        timestamp(6) with time zone,
    version          bigint       not null default 0
);
-- A county's queue by state and due date (overdue = open and due before today); a region's counts by state.
create index concern_queue on concern (county_code, state, due_on);
create index concern_received on concern (county_code, received_at);
-- A caller's earlier items (hotline staff, the parent's own pages, the per-number limit); the per-address limit.
create index concern_phone on concern (phone_digest, received_at);
create index concern_address on concern (address_digest, received_at);
create index concern_case on concern (case_number);

-- Every step of an item: received, taken in hand, answered or closed, with who, when and the words (sealed).
create sequence concern_step_seq start with 1 increment by 50;
create table concern_step (
    id          bigint       primary key,
    concern_id  bigint       not null references concern (id),
    occurred_at timestamp(6) with time zone not null,
    actor       varchar(64)  not null,
    from_state  varchar(16),
    to_state    varchar(16)  not null,
    note_sealed bytea
);
create index concern_step_concern on concern_step (concern_id, occurred_at);

-- 不予通过的理由 become each county's own list (V7's comment said "maintained by the county", its table was one
-- list for everyone). The V7 rows stay as the starting list (county_code null) every county uses until its
-- administrator first changes something; that change copies them into the county's rows (codes prefixed with the
-- county code, so decisions keep their foreign key) and the county's list is its own from then on.
alter table review_reason add column county_code varchar(6);
alter table review_reason add column changed_by varchar(64);
alter table review_reason add column changed_at timestamp(6) with time zone;
create index review_reason_county on review_reason (county_code, position);
-- Whether a reason was ever used (used ones are never deleted, and their words never change).
create index review_decision_reason on review_decision (reason_code);
