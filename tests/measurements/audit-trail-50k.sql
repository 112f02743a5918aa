-- Fills a scratch ledger database (schema `ledger` already created by the app or the tests) with 100 organizations and
-- 1,000 partnerships of two of them, 50 events each, interleaved as real recording is: 50,100 events. For timing the
-- auditTrail SQL (see README, "Audit trail and tamper evidence"); the rows carry no hash chain.
--   psql "$DB" -f tests/measurements/audit-trail-50k.sql
begin;
create temp table orgs on commit drop as select gen_random_uuid() as id, n from generate_series(1, 100) n;
insert into ledger.mt_streams (id, type, version) select id, 'organization', 1 from orgs;
insert into ledger.mt_events (seq_id, id, stream_id, version, data, type, timestamp, correlation_id, headers, user_name)
select nextval('ledger.mt_events_sequence'), gen_random_uuid(), id, 1,
       jsonb_build_object('OrganizationId', id, 'Name', 'Organization ' || n, 'PartnerTypes', '[0]'::jsonb, 'HomeRegion', 'Sweden', 'OccurredAt', '2024-01-01T00:00:00+00:00'),
       'organization_registered', now() - interval '60 days', md5(n::text), '{}'::jsonb, 'registrar@example.com'
from orgs order by n;

create temp table parts on commit drop as
select gen_random_uuid() as id, p.n, a.id as a, b.id as b
from generate_series(1, 1000) p(n) join orgs a on a.n = 1 + p.n % 100 join orgs b on b.n = 1 + (p.n * 7 + 3) % 100;
insert into ledger.mt_streams (id, type, version) select id, 'partnership', 50 from parts;
insert into ledger.mt_doc_partnershipsummary (id, data, mt_dotnet_type)
select id, jsonb_build_object('Id', id, 'Name', 'Partnership ' || n, 'MemberIds', jsonb_build_array(a, b)), 'measurement' from parts;
insert into ledger.mt_events (seq_id, id, stream_id, version, data, type, timestamp, correlation_id, headers, user_name)
select nextval('ledger.mt_events_sequence'), gen_random_uuid(), p.id, v,
       jsonb_build_object('PartnershipId', p.id, 'InPerson', v % 2 = 0, 'Topic', 'Meeting ' || v, 'OccurredAt', '2024-02-01T00:00:00+00:00'),
       case when v % 10 = 0 then 'executive_briefing_held' else 'partner_meeting_held' end,
       now() - interval '50 days' + (v * 1000 + p.n) * interval '1 minute' / 1000, md5(p.n::text || v),
       jsonb_build_object('actorOrganizationId', case when v % 2 = 0 then p.a else p.b end),
       'user' || (v % 5) || '@organization' || (1 + p.n % 100) || '.example'
from parts p cross join generate_series(1, 50) v order by v, p.n;
commit;
analyze ledger.mt_events;
analyze ledger.mt_doc_partnershipsummary;
