using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PartnershipLedger.Functions.JointBusinessPlanning;
using PartnershipLedger.Recording;
using PartnershipLedger.Tests.Hosting;
using Wolverine;

namespace PartnershipLedger.Tests.Audit;

/// <summary>verifyLedger: the hash chain of what commands recorded is intact, and rows altered behind the ledger's back are named.</summary>
public sealed class LedgerVerificationTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Verify =
        "query($id: ID) { verifyLedger(partnershipId: $id) { intact eventsChecked streamsChecked firstBrokenLink { streamId version eventId sequence type reason detail } } }";

    private async Task<JsonElement> VerifyAsync(Guid? partnershipId = null, As? caller = null) =>
        (await Host.GraphQLAsync(Verify, new { id = partnershipId }, caller: caller ?? As.Admin)).Data("verifyLedger");

    /// <summary>Formed, a CSAT survey, a meeting and a retraction of the survey: four events.</summary>
    private async Task<(TwoPartners Partnership, Guid Survey)> HistoryAsync()
    {
        var partnership = await Host.FormPartnershipAsync();
        var survey = await Host.RecordedEventAsync("logCsatSurvey", new
        {
            partnershipId = partnership.PartnershipId, customer = "Acad Group", project = "Intranet",
            answers = new[] { "AS_EXPECTED", "MORE_THAN_EXPECTED", "AS_EXPECTED", "CONSISTENTLY_MORE", "AS_EXPECTED", "LESS_THAN_EXPECTED" },
        }, partnership.FirstUser);
        await Host.RecordAsync("holdPartnerMeeting", new { partnershipId = partnership.PartnershipId, inPerson = true, topic = "Café & <Q3> \"plans\" 😀" }, partnership.SecondUser);
        await Host.RecordAsync("retractEvent", new { partnershipId = partnership.PartnershipId, eventId = survey, reason = "wrong project" }, partnership.SecondUser);
        return (partnership, survey);
    }

    private static async Task SqlAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("ConnectionStrings__Ledger"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters) command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private static void AssertBrokenAt(JsonElement check, string reason, long version, Guid? eventId)
    {
        Assert.False(check.GetProperty("intact").GetBoolean());
        var broken = check.GetProperty("firstBrokenLink");
        Assert.Equal(reason, broken.GetProperty("reason").GetString());
        Assert.Equal(version, broken.GetProperty("version").GetInt64());
        if (eventId is { } id) Assert.Equal(id, broken.GetProperty("eventId").GetGuid());
        else Assert.Equal(JsonValueKind.Null, broken.GetProperty("eventId").ValueKind);
    }

    [Fact]
    public async Task What_commands_recorded_has_an_intact_chain()
    {
        var (partnership, _) = await HistoryAsync();

        var check = await VerifyAsync(partnership.PartnershipId);
        Assert.True(check.GetProperty("intact").GetBoolean());
        Assert.Equal(4, check.GetProperty("eventsChecked").GetInt32());
        Assert.Equal(JsonValueKind.Null, check.GetProperty("firstBrokenLink").ValueKind);

        // Everything: two organizations, the partnership and the access tokens issued to this test's callers.
        var everything = await VerifyAsync();
        Assert.True(everything.GetProperty("intact").GetBoolean(), everything.ToString());
        Assert.True(everything.GetProperty("streamsChecked").GetInt32() > 3);
        Assert.True(everything.GetProperty("eventsChecked").GetInt32() > 6);
    }

    [Fact]
    public async Task Data_edited_with_SQL_is_the_first_broken_link()
    {
        var (partnership, survey) = await HistoryAsync();

        await SqlAsync("update ledger.mt_events set data = jsonb_set(data, '{Customer}', '\"Someone Else\"') where id = $1", survey);

        var check = await VerifyAsync(partnership.PartnershipId);
        AssertBrokenAt(check, "CONTENT_ALTERED", 2, survey);
        Assert.Equal("CsatSurveyLogged", check.GetProperty("firstBrokenLink").GetProperty("type").GetString());
        Assert.Equal(partnership.PartnershipId, check.GetProperty("firstBrokenLink").GetProperty("streamId").GetGuid());
        AssertBrokenAt(await VerifyAsync(), "CONTENT_ALTERED", 2, survey);
    }

    [Fact]
    public async Task An_edited_actor_is_an_altered_content()
    {
        var (partnership, survey) = await HistoryAsync();

        await SqlAsync("update ledger.mt_events set user_name = 'mallory@first.example' where id = $1", survey);

        AssertBrokenAt(await VerifyAsync(partnership.PartnershipId), "CONTENT_ALTERED", 2, survey);
    }

    [Fact]
    public async Task An_edited_organization_header_is_an_altered_content()
    {
        var (partnership, survey) = await HistoryAsync();

        await SqlAsync("update ledger.mt_events set headers = jsonb_set(headers, '{actorOrganizationId}', to_jsonb($1::text)) where id = $2",
            partnership.Second.ToString(), survey);

        AssertBrokenAt(await VerifyAsync(partnership.PartnershipId), "CONTENT_ALTERED", 2, survey);
    }

    [Fact]
    public async Task A_rewritten_chain_value_is_named_as_such()
    {
        var (partnership, survey) = await HistoryAsync();

        await SqlAsync($"update ledger.mt_events set headers = jsonb_set(headers, '{{chain}}', '\"{new string('0', 64)}\"') where id = $1", survey);

        AssertBrokenAt(await VerifyAsync(partnership.PartnershipId), "CHAIN_ALTERED", 2, survey);
    }

    [Fact]
    public async Task A_removed_chain_value_is_a_missing_link()
    {
        var (partnership, survey) = await HistoryAsync();

        await SqlAsync("update ledger.mt_events set headers = headers - 'chain' where id = $1", survey);

        AssertBrokenAt(await VerifyAsync(partnership.PartnershipId), "LINK_MISSING", 2, survey);
    }

    [Fact]
    public async Task A_deleted_event_is_a_missing_link()
    {
        var (partnership, survey) = await HistoryAsync();

        await SqlAsync("delete from ledger.mt_events where id = $1", survey);

        var check = await VerifyAsync(partnership.PartnershipId);
        AssertBrokenAt(check, "LINK_MISSING", 2, null);
        Assert.Equal(3, check.GetProperty("eventsChecked").GetInt32());
    }

    [Fact]
    public async Task A_deleted_last_event_is_a_missing_link()
    {
        var (partnership, _) = await HistoryAsync();

        await SqlAsync("delete from ledger.mt_events where stream_id = $1 and version = 4", partnership.PartnershipId);

        AssertBrokenAt(await VerifyAsync(partnership.PartnershipId), "LINK_MISSING", 4, null);
    }

    [Fact]
    public async Task A_partnership_out_of_reach_is_not_found_like_a_missing_one()
    {
        var (partnership, _) = await HistoryAsync();
        var outsider = new As("member@example.com", await Host.RegisterOrganizationAsync("Northwind"));

        var hidden = await Host.GraphQLAsync(Verify, new { id = partnership.PartnershipId }, caller: outsider);
        var missing = await Host.GraphQLAsync(Verify, new { id = Guid.NewGuid() }, caller: outsider);

        Assert.Equal("NOT_FOUND", hidden.SingleError("NOT_FOUND").Code());
        Assert.Equal(missing.SingleError("NOT_FOUND").GetProperty("message").GetString()!.Length, hidden.SingleError("NOT_FOUND").GetProperty("message").GetString()!.Length);
        Assert.True((await VerifyAsync(partnership.PartnershipId, new As("member@example.com", partnership.First))).GetProperty("intact").GetBoolean());
        var outsidersLedger = await VerifyAsync(null, outsider);
        Assert.Equal(1, outsidersLedger.GetProperty("streamsChecked").GetInt32());   // only its own organization's stream
    }

    [Fact]
    public async Task Concurrent_commands_on_one_partnership_leave_one_linear_chain()
    {
        var partnership = await Host.FormPartnershipAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Host.RecordAsync("holdPartnerMeeting",
            new { partnershipId = partnership.PartnershipId, inPerson = i % 2 == 0, topic = $"meeting {i}" }, i % 2 == 0 ? partnership.FirstUser : partnership.SecondUser)));

        Assert.All(responses, response => Assert.Empty(response.Errors()));
        var check = await VerifyAsync(partnership.PartnershipId);
        Assert.True(check.GetProperty("intact").GetBoolean(), check.ToString());
        Assert.Equal(9, check.GetProperty("eventsChecked").GetInt32());
    }

    [Fact]
    public async Task Facts_the_ledger_records_itself_are_chained_too()
    {
        var partnership = await Host.FormPartnershipAsync();
        await Host.RecordAsync("signAgreement", new { partnershipId = partnership.PartnershipId, kind = "PARTNERSHIP_AGREEMENT", occurredAt = "2024-02-01T12:00:00Z" }, partnership.FirstUser);
        await Host.WaitForEventAsync(partnership.PartnershipId, "AgreementReviewOverdue");

        var check = await VerifyAsync(partnership.PartnershipId);
        Assert.True(check.GetProperty("intact").GetBoolean(), check.ToString());
        Assert.Equal(3, check.GetProperty("eventsChecked").GetInt32());
    }

    [Fact]
    public async Task Commands_sent_through_Wolverine_without_a_correlation_id_are_chained_too()
    {
        // As the demo loader records: no request, so Wolverine supplies the correlation id.
        var partnership = await Host.FormPartnershipAsync();
        using var scope = Host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync<Recorded>(
            new HoldPartnerMeeting(true, "Quarterly review") { PartnershipId = partnership.PartnershipId, Actor = new Actor("ada@first.example", partnership.First) });

        var check = await VerifyAsync(partnership.PartnershipId);
        Assert.True(check.GetProperty("intact").GetBoolean(), check.ToString());
        Assert.Equal(2, check.GetProperty("eventsChecked").GetInt32());
    }

    [Fact]
    public async Task A_partnership_id_that_is_not_an_id_is_refused_naming_the_argument()
    {
        var response = await Host.GraphQLAsync(Verify, new { id = "not-an-id" }, caller: As.Admin);
        Assert.Equal("partnershipId", response.SingleError("VALIDATION").Field());
    }
}

/// <summary>What the chain costs a command: one indexed read of the stream's head, none for a new stream.</summary>
public sealed class ChainCostTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task A_command_on_an_existing_stream_reads_the_chain_head_once_and_a_new_stream_never()
    {
        var partnership = await Host.FormPartnershipAsync();

        using (var log = SqlCommandLog.Instance.Start())
        {
            await Host.RecordAsync("holdPartnerMeeting", new { partnershipId = partnership.PartnershipId, inPerson = true }, partnership.FirstUser);
            Assert.Single(log.Commands, sql => sql.Contains("headers ->> 'chain'"));
        }
        using (var log = SqlCommandLog.Instance.Start())
        {
            await Host.RegisterOrganizationAsync("Northwind");
            Assert.DoesNotContain(log.Commands, sql => sql.Contains("headers ->> 'chain'"));
        }
    }

    [Fact]
    public async Task The_chain_head_the_stream_and_an_earlier_recording_of_the_command_id_are_read_in_one_round_trip()
    {
        var partnership = await Host.FormPartnershipAsync();
        await Host.RecordAsync("holdPartnerMeeting", new { partnershipId = partnership.PartnershipId, inPerson = true }, partnership.FirstUser);

        using var log = SqlCommandLog.Instance.Start();
        await Host.RecordAsync("holdPartnerMeeting", new { partnershipId = partnership.PartnershipId, inPerson = false, commandId = "batched-1" }, partnership.FirstUser);
        var read = Assert.Single(log.Commands, sql => sql.Contains("headers ->> 'chain'"));
        Assert.Contains("mt_streams", read);                     // FetchForWriting's version...
        Assert.Contains("mt_doc_partnership as d", read);        // ...and its snapshot
        Assert.Contains("mt_doc_recordedcommand as d", read);    // the command id's earlier recording
        Assert.Single(log.Commands, sql => sql.Contains("mt_doc_recordedcommand as d"));

        var check = (await Host.GraphQLAsync("query($id: ID) { verifyLedger(partnershipId: $id) { intact eventsChecked } }", new { id = partnership.PartnershipId }, caller: As.Admin)).Data("verifyLedger");
        Assert.True(check.GetProperty("intact").GetBoolean(), check.ToString());
        Assert.Equal(3, check.GetProperty("eventsChecked").GetInt32());
    }
}
