-- The agency's time zone (issue 21, item 6; ADR 0027): the local time every page shows. Existing
-- agencies get the zone of the demo and of the first agencies served.
alter table agency add column time_zone varchar(60) default 'America/Toronto' not null;
