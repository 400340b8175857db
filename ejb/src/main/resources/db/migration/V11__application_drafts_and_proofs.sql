-- Application drafts: what a parent (or counter staff for a walk-in family) has typed so far, saved at every
-- step and field so nothing is lost on an error, a closed browser or a session timeout. The form holds personal
-- data and is sealed (SM4-GCM) like the declaration. owner_key is 'parent:' and the hex digest of the signed-in
-- phone, or 'staff:' and the counter staff member's user name.
create sequence application_draft_seq start with 1 increment by 50;
create table application_draft (
    id           bigint       primary key,
    owner_key    varchar(80)  not null,
    channel      varchar(10)  not null,
    county_code  varchar(6)   not null,
    plan_year    integer      not null,
    form_sealed  bytea        not null,
    step         integer      not null,
    case_number  varchar(24),
    created_at   timestamp(6) with time zone not null,
    updated_at   timestamp(6) with time zone not null,
    closed_at    timestamp(6) with time zone,
    version      bigint       not null default 0
);
create index application_draft_owner on application_draft (owner_key, closed_at);

-- Proofs a family uploads (or counter staff scan) where a source could not confirm the case: the file and its name
-- sealed (a name may hold an ID number), with its checked type, size and SHA-256 so a reviewer can tell two uploads
-- apart and the archive can verify it.
create sequence case_proof_seq start with 1 increment by 50;
create table case_proof (
    id              bigint        primary key,
    case_id         bigint        not null references enrollment_case (id),
    proof           varchar(32)   not null,
    file_name_sealed bytea        not null,
    content_type    varchar(40)   not null,
    size_bytes      integer       not null,
    sha256          varchar(64)   not null,
    content_sealed  bytea         not null,
    uploaded_by     varchar(64)   not null,
    channel         varchar(10)   not null,
    uploaded_at     timestamp(6)  with time zone not null
);
create index case_proof_case on case_proof (case_id);

-- The schools a family asked for, in order (where the plan lets them choose: private schools under 公民同招).
create table case_school_choice (
    case_id      bigint       not null references enrollment_case (id),
    position     integer      not null,
    school_code  varchar(64)  not null,
    primary key (case_id, position)
);
