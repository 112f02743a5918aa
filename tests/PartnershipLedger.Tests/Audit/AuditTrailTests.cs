using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PartnershipLedger.Audit;
using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Audit;

/// <summary>auditTrail: who did what, across streams, in recording order, filtered, paged, and only within reach.</summary>
public sealed class AuditTrailTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Trail =
        "query($partnershipId: ID, $organizationId: ID, $actor: String, $eventTypes: [String!], $from: DateTime, $to: DateTime, $first: Int, $after: String) { " +
        "auditTrail(partnershipId: $partnershipId, organizationId: $organizationId, actor: $actor, eventTypes: $eventTypes, from: $from, to: $to, first: $first, after: $after) { " +
        "totalCount pageInfo { hasNextPage endCursor } edges { cursor node { eventId streamId sequence version type summary actor organizationId occurredAt recordedAt correlationId retractsEventId } } } }";

    /// <summary>Events of the access-token streams: every test's callers get tokens issued, which admins see too.</summary>
    private static readonly string[] TokenEvents = ["TokenIssued", "TokenRevoked", "AccessDenied"];

    private sealed record Page(int TotalCount, bool HasNextPage, string? EndCursor, IReadOnlyList<JsonElement> Entries)
    {
        /// <summary>The types of the entries, token events left out.</summary>
        public IEnumerable<string> Types => Entries.Select(entry => entry.GetProperty("type").GetString()!).Where(type => !TokenEvents.Contains(type));

        public IReadOnlyList<JsonElement> Facts => Entries.Where(entry => !TokenEvents.Contains(entry.GetProperty("type").GetString())).ToList();
    }

    private async Task<JsonElement> RequestAsync(As caller, params (string Name, object? Value)[] arguments) =>
        await Host.GraphQLAsync(Trail, arguments.ToDictionary(argument => argument.Name, argument => argument.Value), caller: caller);

    private async Task<Page> TrailAsync(As caller, params (string Name, object? Value)[] arguments)
    {
        var trail = (await RequestAsync(caller, arguments)).Data("auditTrail");
        var info = trail.GetProperty("pageInfo");
        return new Page(trail.GetProperty("totalCount").GetInt32(), info.GetProperty("hasNextPage").GetBoolean(), info.GetProperty("endCursor").GetString(),
            trail.GetProperty("edges").EnumerateArray().Select(edge => edge.GetProperty("node")).ToList());
    }

    /// <summary>Contoso and Fabrikam registered, their partnership formed, a lead shared by Contoso, a meeting by Fabrikam, the meeting retracted by Contoso.</summary>
    private async Task<(TwoPartners Partnership, Guid Meeting)> HistoryAsync()
    {
        var partnership = await Host.FormPartnershipAsync();
        await Host.RecordAsync("shareLead", new
        {
            partnershipId = partnership.PartnershipId, fromOrganizationId = partnership.First, toOrganizationId = partnership.Second,
            customer = "Acad Group", interestExpressed = true, estimatedValue = 125000.50,
        }, partnership.FirstUser);
        var meeting = await Host.RecordedEventAsync("holdPartnerMeeting", new { partnershipId = partnership.PartnershipId, inPerson = true }, partnership.SecondUser);
        await Host.RecordAsync("retractEvent", new { partnershipId = partnership.PartnershipId, eventId = meeting, reason = "never happened" }, partnership.FirstUser);
        return (partnership, meeting);
    }

    [Fact]
    public async Task An_admin_reads_every_event_of_every_stream_in_recording_order()
    {
        var (partnership, _) = await HistoryAsync();

        var page = await TrailAsync(As.Admin);

        Assert.Equal(["OrganizationRegistered", "OrganizationRegistered", "PartnershipFormed", "LeadShared", "PartnerMeetingHeld", "EventRetracted"], page.Types);
        Assert.Contains("TokenIssued", page.Entries.Select(entry => entry.GetProperty("type").GetString()));
        Assert.Equal(page.Entries.Count, page.TotalCount);
        Assert.False(page.HasNextPage);
        var sequences = page.Entries.Select(entry => entry.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal([partnership.First, partnership.Second], page.Facts.Take(2).Select(entry => entry.GetProperty("streamId").GetGuid()));
        var lead = page.Facts[3];
        Assert.Equal(2, lead.GetProperty("version").GetInt32());
        Assert.Equal("ada@first.example", lead.GetProperty("actor").GetString());
        Assert.Equal(partnership.First, lead.GetProperty("organizationId").GetGuid());
        Assert.Contains("Acad Group", lead.GetProperty("summary").GetString());
        Assert.False(string.IsNullOrEmpty(lead.GetProperty("correlationId").GetString()));
    }

    [Fact]
    public async Task A_retraction_entry_names_the_event_it_retracts()
    {
        var (partnership, meeting) = await HistoryAsync();

        var page = await TrailAsync(As.Admin, ("partnershipId", partnership.PartnershipId), ("eventTypes", new[] { "EventRetracted" }));

        var retraction = Assert.Single(page.Entries);
        Assert.Equal(meeting, retraction.GetProperty("retractsEventId").GetGuid());
        Assert.Equal(1, page.TotalCount);
    }

    [Fact]
    public async Task Each_filter_narrows_and_they_combine_with_and()
    {
        var (partnership, _) = await HistoryAsync();
        var admin = As.Admin;

        Assert.Equal(["PartnershipFormed", "LeadShared", "PartnerMeetingHeld", "EventRetracted"], (await TrailAsync(admin, ("partnershipId", partnership.PartnershipId))).Types);
        Assert.Equal(["PartnershipFormed", "LeadShared", "EventRetracted"], (await TrailAsync(admin, ("organizationId", partnership.First))).Types);
        Assert.Equal(["PartnerMeetingHeld"], (await TrailAsync(admin, ("actor", "bo@second.example"))).Types);
        Assert.Equal(["OrganizationRegistered", "OrganizationRegistered", "LeadShared"], (await TrailAsync(admin, ("eventTypes", new[] { "LeadShared", "OrganizationRegistered" }))).Types);
        var both = await TrailAsync(admin, ("organizationId", partnership.First), ("eventTypes", new[] { "LeadShared", "PartnerMeetingHeld" }));
        Assert.Equal(["LeadShared"], both.Types);
        Assert.Equal(1, both.TotalCount);
        Assert.Empty((await TrailAsync(admin, ("actor", "nobody@example.com"))).Entries);
    }

    [Fact]
    public async Task From_and_to_bound_the_recording_time_from_inclusive_to_exclusive()
    {
        var (partnership, _) = await HistoryAsync();
        var stream = ("partnershipId", (object?)partnership.PartnershipId);
        var recorded = (await TrailAsync(As.Admin, stream)).Entries.Select(entry => entry.GetProperty("recordedAt").GetString()).ToList();

        var window = await TrailAsync(As.Admin, stream, ("from", recorded[1]), ("to", recorded[3]));

        Assert.Equal(["LeadShared", "PartnerMeetingHeld"], window.Types);
        Assert.Equal(2, window.TotalCount);
        Assert.Equal(["PartnerMeetingHeld", "EventRetracted"], (await TrailAsync(As.Admin, stream, ("from", recorded[2]))).Types);
    }

    [Fact]
    public async Task Pages_follow_each_other_by_cursor_and_count_every_match()
    {
        var (partnership, _) = await HistoryAsync();
        var stream = ("partnershipId", (object?)partnership.PartnershipId);

        var first = await TrailAsync(As.Admin, stream, ("first", 3));
        var second = await TrailAsync(As.Admin, stream, ("first", 3), ("after", first.EndCursor));

        Assert.Equal(["PartnershipFormed", "LeadShared", "PartnerMeetingHeld"], first.Types);
        Assert.True(first.HasNextPage);
        Assert.Equal(["EventRetracted"], second.Types);
        Assert.False(second.HasNextPage);
        Assert.Equal(4, first.TotalCount);
        Assert.Equal(4, second.TotalCount);
    }

    [Fact]
    public async Task A_partnerships_pages_keep_recording_order_while_another_partnership_records_in_between()
    {
        var (partnership, _) = await HistoryAsync();
        var other = await Host.FormPartnershipAsync();
        foreach (var inPerson in new[] { true, false })
        {
            await Host.RecordAsync("holdPartnerMeeting", new { partnershipId = other.PartnershipId, inPerson }, other.FirstUser);
            await Host.RecordAsync("holdPartnerMeeting", new { partnershipId = partnership.PartnershipId, inPerson }, partnership.FirstUser);
        }
        var stream = ("partnershipId", (object?)partnership.PartnershipId);

        var first = await TrailAsync(As.Admin, stream, ("first", 4));
        var second = await TrailAsync(As.Admin, stream, ("first", 4), ("after", first.EndCursor));

        var entries = first.Entries.Concat(second.Entries).ToList();
        Assert.All(entries, entry => Assert.Equal(partnership.PartnershipId, entry.GetProperty("streamId").GetGuid()));
        Assert.Equal(Enumerable.Range(1, 6).Select(version => (long)version), entries.Select(entry => entry.GetProperty("version").GetInt64()));
        var sequences = entries.Select(entry => entry.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.False(second.HasNextPage);

        // A cursor taken from another stream's trail still means "recorded after that event".
        var othersFirst = await TrailAsync(As.Admin, ("partnershipId", (object?)other.PartnershipId), ("first", 1));
        var afterOthers = await TrailAsync(As.Admin, stream, ("first", 10), ("after", othersFirst.EndCursor));
        Assert.Equal(sequences.Where(sequence => sequence > othersFirst.Entries.Single().GetProperty("sequence").GetInt64()),
            afterOthers.Entries.Select(entry => entry.GetProperty("sequence").GetInt64()));
    }

    [Fact]
    public async Task A_member_of_another_organization_sees_none_of_a_partnerships_events()
    {
        var (partnership, _) = await HistoryAsync();
        var outsider = new As("member@example.com", await Host.RegisterOrganizationAsync("Northwind"));

        var page = await TrailAsync(outsider, ("partnershipId", partnership.PartnershipId));
        var everything = await TrailAsync(outsider);

        Assert.Empty(page.Entries);
        Assert.Equal(0, page.TotalCount);
        Assert.Equal(["OrganizationRegistered"], everything.Types);   // its own registration only
        Assert.Equal(1, everything.TotalCount);
    }

    [Fact]
    public async Task A_member_sees_its_partnerships_and_its_own_organization_not_its_partners_organization()
    {
        var (partnership, _) = await HistoryAsync();

        var page = await TrailAsync(new As("member@example.com", partnership.First));

        Assert.Equal(["OrganizationRegistered", "PartnershipFormed", "LeadShared", "PartnerMeetingHeld", "EventRetracted"], page.Types);
        Assert.Equal(partnership.First, page.Entries[0].GetProperty("streamId").GetGuid());
    }

    [Fact]
    public async Task A_member_sees_the_circles_of_trust_it_belongs_to()
    {
        var (partnership, _) = await HistoryAsync();
        var northwind = await Host.RegisterOrganizationAsync("Northwind");
        var circle = await Host.FormCircleOfTrustAsync("Nordic Circle", [partnership.Second, northwind]);

        Assert.Equal(["CircleOfTrustFormed"], (await TrailAsync(new As("member@example.com", northwind), ("partnershipId", circle))).Types);
        Assert.Empty((await TrailAsync(new As("member@example.com", partnership.First), ("partnershipId", circle))).Entries);
    }

    [Fact]
    public async Task Its_statements_are_prepared_on_connections_of_their_own_not_on_Martens()
    {
        await HistoryAsync();
        await TrailAsync(As.Admin);
        var store = (DocumentStore)Host.Services.GetRequiredService<IDocumentStore>();
        DateTime started;
        await using (var first = store.Storage.Database.CreateConnection())
        {
            await first.OpenAsync();
            await using var now = new NpgsqlCommand("select clock_timestamp()", first);
            started = (DateTime)(await now.ExecuteScalarAsync())!;
        }

        // Every idle connection of Marten's pool, held at once until the pool opens a new one (it hands out idle ones
        // first): none holds a prepared statement, so each is reset with one DISCARD ALL when it goes back.
        var held = new List<NpgsqlConnection>();
        try
        {
            var sawEveryIdle = false;
            while (!sawEveryIdle && held.Count < 50)
            {
                var connection = store.Storage.Database.CreateConnection();
                held.Add(connection);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(
                    "select (select count(*) from pg_prepared_statements), backend_start > @started from pg_stat_activity where pid = pg_backend_pid()", connection);
                command.Parameters.AddWithValue("started", started);
                await using var reader = await command.ExecuteReaderAsync();
                await reader.ReadAsync();
                Assert.Equal(0L, reader.GetInt64(0));
                sawEveryIdle = reader.GetBoolean(1);
            }
            Assert.True(sawEveryIdle, $"Marten's pool still handed out connections it had before the test after {held.Count}");
        }
        finally
        {
            foreach (var connection in held) await connection.DisposeAsync();
        }
        await using var own = await Host.Services.GetRequiredService<PreparedReads>().OpenForPreparedSelectsAsync(CancellationToken.None);
        await using var prepared = new NpgsqlCommand("select count(*) from pg_prepared_statements", own);
        Assert.True((long)(await prepared.ExecuteScalarAsync())! > 0, "the audit trail's connection kept its prepared statements");
    }

    [Fact]
    public async Task Bad_arguments_are_refused_naming_them()
    {
        Assert.Equal("eventTypes[1]", (await RequestAsync(As.Admin, ("eventTypes", new[] { "LeadShared", "LeadStolen" }))).SingleError("VALIDATION").Field());
        Assert.Equal("after", (await RequestAsync(As.Admin, ("after", "not-a-cursor"))).SingleError("VALIDATION").Field());
        Assert.Equal("first", (await RequestAsync(As.Admin, ("first", 501))).SingleError("VALIDATION").Field());
        Assert.Equal("organizationId", (await RequestAsync(As.Admin, ("organizationId", "Contoso"))).SingleError("VALIDATION").Field());
        Assert.Equal("to", (await RequestAsync(As.Admin, ("from", "2025-02-01T00:00:00Z"), ("to", "2025-01-01T00:00:00Z"))).SingleError("VALIDATION").Field());
    }
}

/// <summary>The audit trail's filters have their indexes, and Marten's migrations keep them.</summary>
public sealed class AuditIndexTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task The_audit_indexes_exist_on_mt_events_after_start_and_reset()
    {
        await using var connection = new Npgsql.NpgsqlConnection(Environment.GetEnvironmentVariable("ConnectionStrings__Ledger"));
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("select indexname from pg_indexes where schemaname = 'ledger' and tablename = 'mt_events'", connection);
        var names = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) names.Add(reader.GetString(0));

        Assert.All(PartnershipLedger.Audit.Configuration.EventIndexes, index => Assert.Contains(index.Name, names));
    }
}
