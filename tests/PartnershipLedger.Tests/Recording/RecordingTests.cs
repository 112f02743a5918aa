using Alba;
using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Recording;

/// <summary>What every recorded fact gets: metadata, idempotency, optimistic concurrency, all-at-once validation.</summary>
public sealed class RecordingTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task Every_event_carries_the_actor_organization_both_times_and_the_correlation_id()
    {
        var partnership = await Host.FormPartnershipAsync();

        var result = await Host.ScenarioWithTokenAsync(s =>
        {
            s.Post.Json(new
            {
                query = "mutation($input: HoldPartnerMeetingInput!) { holdPartnerMeeting(input: $input) { eventId } }",
                variables = new { input = new { partnershipId = partnership.PartnershipId, inPerson = true, occurredAt = "2024-03-01T10:00:00+01:00", commandId = "meeting-2024-03" } },
            }).ToUrl("/graphql");
            s.WithRequestHeader("X-Correlation-Id", "req-42");
        }, partnership.SecondUser);

        Assert.Equal("req-42", result.Context.Response.Headers["X-Correlation-Id"].ToString());
        var meeting = (await Host.TimelineAsync(partnership.PartnershipId))[^1];
        Assert.Equal("PartnerMeetingHeld", meeting.GetProperty("type").GetString());
        Assert.Equal("bo@second.example", meeting.GetProperty("actor").GetString());
        Assert.Equal(partnership.Second, meeting.GetProperty("organizationId").GetGuid());
        Assert.Equal("2024-03-01T09:00:00Z", meeting.GetProperty("occurredAt").GetString());
        Assert.True(DateTimeOffset.Parse(meeting.GetProperty("recordedAt").GetString()!) > DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.Equal("req-42", meeting.GetProperty("correlationId").GetString());
        Assert.Equal("meeting-2024-03", meeting.GetProperty("causationId").GetString());
    }

    [Fact]
    public async Task A_retried_command_with_the_same_command_id_records_once_and_answers_the_same()
    {
        var partnership = await Host.FormPartnershipAsync();
        var input = new { partnershipId = partnership.PartnershipId, topic = "Q2 kick-off", commandId = "briefing-1" };

        var first = await Host.RecordAsync("holdExecutiveBriefing", input, partnership.FirstUser);
        var retry = await Host.RecordAsync("holdExecutiveBriefing", input, partnership.FirstUser);

        Assert.Equal(first.Data("holdExecutiveBriefing").GetProperty("eventId").GetGuid(), retry.Data("holdExecutiveBriefing").GetProperty("eventId").GetGuid());
        Assert.Equal(2, retry.Data("holdExecutiveBriefing").GetProperty("version").GetInt32());
        Assert.Equal(["PartnershipFormed", "ExecutiveBriefingHeld"], await Host.EventTypesAsync(partnership.PartnershipId));
    }

    [Fact]
    public async Task A_command_id_reused_for_another_command_is_a_conflict()
    {
        var partnership = await Host.FormPartnershipAsync();
        await Host.RecordAsync("holdExecutiveBriefing", new { partnershipId = partnership.PartnershipId, commandId = "same" }, partnership.FirstUser);

        var response = await Host.RecordAsync("holdPipelineReview", new { partnershipId = partnership.PartnershipId, commandId = "same" }, partnership.FirstUser);

        Assert.Contains("already used", response.SingleError("CONFLICT").GetProperty("message").GetString());
    }

    /// <summary>A partnership with an executive briefing recorded under a fresh command id (returned).</summary>
    private async Task<(TwoPartners Partnership, string CommandId)> BriefingRecordedAsync()
    {
        var partnership = await Host.FormPartnershipAsync();
        var commandId = $"briefing-{Guid.NewGuid():N}";
        await Host.RecordAsync("holdExecutiveBriefing", new { partnershipId = partnership.PartnershipId, commandId }, partnership.FirstUser);
        return (partnership, commandId);
    }

    [Fact]
    public async Task A_command_id_reused_on_another_partnership_is_a_conflict_and_records_nothing_there()
    {
        var (first, commandId) = await BriefingRecordedAsync();
        var second = await Host.FormPartnershipAsync();

        var reused = await Host.RecordAsync("holdExecutiveBriefing", new { partnershipId = second.PartnershipId, commandId }, second.FirstUser);

        Assert.Contains("another stream", reused.SingleError("CONFLICT").GetProperty("message").GetString());
        Assert.Equal(["PartnershipFormed"], await Host.EventTypesAsync(second.PartnershipId));
        Assert.Equal(["PartnershipFormed", "ExecutiveBriefingHeld"], await Host.EventTypesAsync(first.PartnershipId));
    }

    [Fact]
    public async Task A_retry_by_someone_outside_the_partnership_is_not_answered_with_its_recording()
    {
        var (partnership, commandId) = await BriefingRecordedAsync();
        var outsider = await Host.FormPartnershipAsync();

        var probe = await Host.RecordAsync("holdExecutiveBriefing", new { partnershipId = partnership.PartnershipId, commandId }, outsider.FirstUser);

        probe.SingleError("NOT_FOUND");
        Assert.Equal(["PartnershipFormed", "ExecutiveBriefingHeld"], await Host.EventTypesAsync(partnership.PartnershipId));
    }

    [Fact]
    public async Task A_stream_starting_command_id_is_answered_to_its_recorder_and_is_a_conflict_for_anyone_else()
    {
        var contoso = await Host.RegisterOrganizationAsync("Contoso");
        var fabrikam = await Host.RegisterOrganizationAsync("Fabrikam");
        var input = new { name = "Retried formation", memberIds = new[] { contoso, fabrikam }, commandId = $"form-{Guid.NewGuid():N}" };

        var formed = (await Host.RecordAsync("formPartnership", input, new As("ada@first.example", contoso))).Data("formPartnership");
        var retried = (await Host.RecordAsync("formPartnership", input, new As("ada@first.example", contoso))).Data("formPartnership");
        var byOther = await Host.RecordAsync("formPartnership", input, new As("bo@second.example", fabrikam));

        Assert.Equal(formed.GetProperty("eventId").GetGuid(), retried.GetProperty("eventId").GetGuid());
        Assert.Contains("already used", byOther.SingleError("CONFLICT").GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_stale_expected_version_is_a_conflict_and_loses_nothing()
    {
        var partnership = await Host.FormPartnershipAsync();
        await Host.RecordAsync("holdPipelineReview", new { partnershipId = partnership.PartnershipId, expectedVersion = 1 }, partnership.FirstUser);

        var stale = await Host.RecordAsync("holdPipelineReview", new { partnershipId = partnership.PartnershipId, expectedVersion = 1 }, partnership.SecondUser);
        var fresh = await Host.RecordAsync("holdPipelineReview", new { partnershipId = partnership.PartnershipId, expectedVersion = 2 }, partnership.SecondUser);

        Assert.Contains("version 2, not the expected version 1", stale.SingleError("CONFLICT").GetProperty("message").GetString());
        Assert.Equal(3, fresh.Data("holdPipelineReview").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Concurrent_commands_on_one_partnership_without_an_expected_version_are_all_recorded()
    {
        var partnership = await Host.FormPartnershipAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Host.RecordAsync("holdPartnerMeeting", new { partnershipId = partnership.PartnershipId, inPerson = false, topic = $"Call {i}" }, i % 2 == 0 ? partnership.FirstUser : partnership.SecondUser)));

        Assert.All(responses, response => Assert.Empty(response.Errors()));
        Assert.Equal(7, (await Host.EventTypesAsync(partnership.PartnershipId)).Count);
    }

    [Fact]
    public async Task A_fact_in_the_future_is_refused()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("holdPipelineReview",
            new { partnershipId = partnership.PartnershipId, occurredAt = DateTimeOffset.UtcNow.AddHours(1) }, partnership.FirstUser);

        Assert.Equal("occurredAt", response.SingleError("VALIDATION").Field());
    }

    [Fact]
    public async Task A_fact_before_the_partnership_was_formed_is_refused()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("holdPipelineReview",
            new { partnershipId = partnership.PartnershipId, occurredAt = "2023-12-31T23:59:00Z" }, partnership.FirstUser);

        Assert.Contains("before the partnership was formed", response.SingleError("VALIDATION").GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_instant_without_an_offset_is_refused_as_ambiguous()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("holdPipelineReview",
            new { partnershipId = partnership.PartnershipId, occurredAt = "2024-03-01T10:00:00" }, partnership.FirstUser);

        Assert.NotEmpty(response.Errors());
        Assert.Equal(["PartnershipFormed"], await Host.EventTypesAsync(partnership.PartnershipId));
    }

    [Fact]
    public async Task The_actor_cannot_be_given_in_the_body()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("holdPipelineReview",
            new { partnershipId = partnership.PartnershipId, actor = "mallory" }, partnership.FirstUser);

        Assert.Contains("actor", Assert.Single(response.Errors()).GetProperty("message").GetString());
        Assert.Equal(["PartnershipFormed"], await Host.EventTypesAsync(partnership.PartnershipId));
    }
}
