-- The audit trail: append-only; a person appears only as a keyed SM3 digest of the ID number and its
-- masked form, so the trail itself holds no ID number in clear.
create sequence audit_seq start with 1 increment by 100;

create table audit_entry (
    id             bigint       primary key,
    occurred_at    timestamp(6) with time zone not null,
    actor          varchar(64)  not null,
    action         varchar(32)  not null,
    subject_digest bytea        not null,
    subject_masked varchar(18)  not null,
    target         varchar(64)  not null,
    purpose        varchar(200) not null,
    outcome        varchar(200)
);
create index audit_entry_subject on audit_entry (subject_digest, occurred_at);
create index audit_entry_occurred on audit_entry (occurred_at);
