-- Requests that count against a sliding-window limit (sign-in codes per number and per client address, online
-- concerns per number and per address) are counted by reading earlier rows, so two requests at the same moment
-- would each see the other's row missing and both pass. A request first takes its keys' gate rows here, FOR UPDATE,
-- and holds them until it commits: requests with a key in common count one after the other. The keys are the same
-- keyed digests the limited tables keep; nothing readable is stored. One row per key ever seen (36 bytes or so).
create table request_gate (
    purpose varchar(32) not null,
    digest  bytea       not null,
    primary key (purpose, digest)
);
