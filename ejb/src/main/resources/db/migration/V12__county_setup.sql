-- County set-up (issue 7, part A): the county's address list and the record of every set-up sheet imported.

-- The address units (town/community[/compound], see Address.unitKey) a county knows of, whether or not a zone
-- covers them yet: the coverage report lists the ones no zone of a stage takes. A unit key starts with its 9-digit
-- town code, which is unique in the country, so the key alone identifies the unit. Units in zones and school
-- addresses count as known without a row here; a row keeps a unit known after it leaves every zone.
create table county_address_unit (
    unit_key    varchar(200) primary key,
    county_code varchar(6)   not null,
    added_by    varchar(32)  not null,
    added_at    timestamp(6) with time zone not null
);
create index county_address_unit_county on county_address_unit (county_code);

-- Every zone unit drawn before this migration is part of its county's list.
insert into county_address_unit (unit_key, county_code, added_by, added_at)
select distinct u.unit_key, z.county_code, 'migration', current_timestamp
from zone_unit u join catchment_zone z on z.id = u.zone_id;

-- One row per imported sheet: who imported which file (SHA-256) when, and what it changed. A second import of the
-- same sheet changes nothing and is recorded as such.
create sequence setup_import_seq start with 1 increment by 50;
create table setup_import (
    id           bigint       primary key,
    county_code  varchar(6)   not null,
    kind         varchar(10)  not null,
    file_name    varchar(120) not null,
    sha256       varchar(64)  not null,
    imported_by  varchar(32)  not null,
    imported_at  timestamp(6) with time zone not null,
    rows_read    integer      not null,
    rows_refused integer      not null,
    created      integer      not null,
    updated      integer      not null,
    unchanged    integer      not null
);
create index setup_import_county on setup_import (county_code, imported_at);
