-- Parents sign in with a mainland mobile number and a one-time code sent by SMS (issue 4). One row per code
-- sent. The code itself is never stored: only a keyed SM3 HMAC of it with a random salt (and the number), so
-- neither a database dump nor a backup lets anyone sign in. The number and the client's address are kept only
-- as keyed digests: enough to count requests for the limits and to find a number's latest code.
-- The rows are also the record of who asked when, how often a code was tried and whether it signed someone in.
create sequence parent_login_code_seq start with 1 increment by 50;
create table parent_login_code (
    id              bigint       primary key,
    phone_digest    bytea        not null,
    address_digest  bytea        not null,
    salt            bytea        not null,
    code_hash       bytea        not null,
    requested_at    timestamp(6) with time zone not null,
    expires_at      timestamp(6) with time zone not null,
    attempts        integer      not null default 0,
    used_at         timestamp(6) with time zone,
    version         bigint       not null default 0
);
-- A number's latest code and its requests of the last day; an address's requests of the last hour.
create index parent_login_code_phone on parent_login_code (phone_digest, requested_at);
create index parent_login_code_address on parent_login_code (address_digest, requested_at);

-- A parent's cases are those whose contact phone is theirs: found by the phone's keyed digest.
create index enrollment_case_contact on enrollment_case (contact_phone_digest, submitted_at);
