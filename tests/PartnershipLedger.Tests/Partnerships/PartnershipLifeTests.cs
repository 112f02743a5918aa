using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Partnerships;

/// <summary>A partnership's whole life, recorded through GraphQL and read back as its ordered event list.</summary>
public sealed class PartnershipLifeTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task A_partnerships_whole_life_is_recorded_and_read_back_in_order_with_its_metadata()
    {
        var p = await Host.FormPartnershipAsync(new DateTimeOffset(2024, 1, 15, 9, 0, 0, TimeSpan.Zero));
        var id = p.PartnershipId;
        DateTimeOffset At(int month, int day) => new(2024, month, day, 10, 0, 0, TimeSpan.Zero);

        await Host.RecordAsync("signAgreement", new { partnershipId = id, kind = "MOU", occurredAt = At(1, 20) }, p.FirstUser);
        await Host.RecordAsync("createJointPlan", new { partnershipId = id, horizon = "ACTIVITY", kpis = new[] { "3 joint wins" }, occurredAt = At(2, 1) }, p.SecondUser);
        await Host.RecordAsync("shareLead", new { partnershipId = id, fromOrganizationId = p.First, toOrganizationId = p.Second, customer = "Acad Group", interestExpressed = true, occurredAt = At(3, 1) }, p.FirstUser);
        var mistaken = await Host.RecordedEventAsync("shareLead", new { partnershipId = id, fromOrganizationId = p.Second, toOrganizationId = p.First, customer = "Smith Equipment", interestExpressed = true, occurredAt = At(3, 5) }, p.SecondUser);
        await Host.RecordAsync("shareLead", new { partnershipId = id, fromOrganizationId = p.Second, toOrganizationId = p.First, customer = "Truck Range", interestExpressed = true, occurredAt = At(3, 9) }, p.SecondUser);
        await Host.RecordAsync("logCsatSurvey", new
        {
            partnershipId = id, customer = "Acad Group", project = "Intranet",
            answers = new[] { "AS_EXPECTED", "AS_EXPECTED", "MORE_THAN_EXPECTED", "AS_EXPECTED", "AS_EXPECTED", "AS_EXPECTED" }, occurredAt = At(5, 1),
        }, p.FirstUser);
        await Host.RecordAsync("recordSelfAssessment", new
        {
            partnershipId = id, organizationId = p.Second, function = "LEADS_AND_PIPELINE",
            answers = new[] { true, true, true, false, true, false, false, false, false, false, false, false }, occurredAt = At(6, 1),
        }, p.SecondUser);
        await Host.RecordAsync("signAgreement", new { partnershipId = id, kind = "LETTER_OF_INTENT", occurredAt = At(7, 1) }, p.FirstUser);
        await Host.RecordAsync("signAgreement", new { partnershipId = id, kind = "PARTNERSHIP_AGREEMENT", effectiveFrom = "2024-11-01", occurredAt = At(10, 15) }, p.SecondUser);
        await Host.RecordAsync("retractEvent", new { partnershipId = id, eventId = mistaken, reason = "Smith Equipment had not asked for anything yet" }, p.SecondUser);

        var timeline = (await Host.TimelineAsync(id)).Where(e => e.GetProperty("actor").GetString() != "ledger").ToList();
        Assert.Equal(
            ["PartnershipFormed", "AgreementSigned", "JointPlanCreated", "LeadShared", "LeadShared", "LeadShared", "CsatSurveyLogged",
             "SelfAssessmentRecorded", "AgreementSigned", "AgreementSigned", "EventRetracted"],
            timeline.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(["ada@first.example", "ada@first.example", "bo@second.example"], timeline.Take(3).Select(e => e.GetProperty("actor").GetString()));
        Assert.Equal([p.First, p.First, p.Second], timeline.Take(3).Select(e => e.GetProperty("organizationId").GetGuid()));
        Assert.Equal("2024-03-05T10:00:00Z", timeline[4].GetProperty("occurredAt").GetString());
        Assert.All(timeline, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("correlationId").GetString())));
        Assert.All(timeline.Zip(timeline.Skip(1)), pair =>
            Assert.True(DateTimeOffset.Parse(pair.First.GetProperty("recordedAt").GetString()!) <= DateTimeOffset.Parse(pair.Second.GetProperty("recordedAt").GetString()!)));
        Assert.Equal(mistaken, timeline[^1].GetProperty("retractsEventId").GetGuid());
        Assert.Contains("Lead for Truck Range shared", timeline[5].GetProperty("summary").GetString());
    }

    [Fact]
    public async Task The_timeline_pages_with_cursors()
    {
        var p = await Host.FormPartnershipAsync();
        for (var i = 0; i < 4; i++)
            await Host.RecordAsync("holdPartnerMeeting", new { partnershipId = p.PartnershipId, inPerson = i % 2 == 0, topic = $"Meeting {i}" }, p.FirstUser);

        var first = (await Host.GraphQLAsync($"{{ partnership(id: \"{p.PartnershipId}\") {{ timeline(first: 2) {{ totalCount pageInfo {{ hasNextPage endCursor }} edges {{ node {{ summary }} }} }} }} }}"))
            .Data("partnership").GetProperty("timeline");
        var cursor = first.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var rest = (await Host.GraphQLAsync($"{{ partnership(id: \"{p.PartnershipId}\") {{ timeline(first: 10, after: \"{cursor}\") {{ pageInfo {{ hasNextPage }} edges {{ node {{ summary }} }} }} }} }}"))
            .Data("partnership").GetProperty("timeline");

        Assert.Equal(5, first.GetProperty("totalCount").GetInt32());
        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(3, rest.GetProperty("edges").GetArrayLength());
        Assert.False(rest.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Contains("Meeting 1", rest.GetProperty("edges")[0].GetProperty("node").GetProperty("summary").GetString());
    }
}
