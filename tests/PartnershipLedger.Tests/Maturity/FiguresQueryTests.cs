using System.Text.Json;
using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Maturity;

public sealed class FiguresQueryTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<JsonElement> PartnershipAsync(Guid partnership, string fields) =>
        (await Host.GraphQLAsync($"{{ partnership(id: \"{partnership}\") {{ {fields} }} }}")).Data("partnership");

    /// <summary>Records through the public mutation, failing the test if it was refused.</summary>
    private Task<Guid> RecordAsync(TwoPartners p, string mutation, object input) => Host.RecordedEventAsync(mutation, input, p.FirstUser);

    private const string RhythmFields = "observed meetingsLast12Months lastMeetingAt daysSinceLastMeeting slipped previous nextMeetingDueBy advice";

    [Fact]
    public async Task Monthly_meetings_show_a_monthly_rhythm_that_slips_when_they_stop()
    {
        var p = await Host.FormPartnershipAsync();
        foreach (var month in new[] { 2, 3, 4, 5 })
            await RecordAsync(p, "holdPartnerMeeting", new { partnershipId = p.PartnershipId, inPerson = true, occurredAt = $"2024-0{month}-01T10:00:00Z" });
        await RecordAsync(p, "holdPipelineReview", new { partnershipId = p.PartnershipId, inPerson = true, occurredAt = "2024-06-01T10:00:00Z" });

        var figures = await PartnershipAsync(p.PartnershipId,
            $"onTime: rhythm(asOf: \"2024-07-01T10:00:00Z\") {{ {RhythmFields} }} lapsed: rhythm(asOf: \"2024-07-16T10:00:01Z\") {{ {RhythmFields} }}");
        var onTime = figures.GetProperty("onTime");
        var lapsed = figures.GetProperty("lapsed");

        Assert.Equal("MONTHLY", onTime.GetProperty("observed").GetString());
        Assert.Equal(5, onTime.GetProperty("meetingsLast12Months").GetInt32());
        Assert.Equal("2024-06-01T10:00:00Z", onTime.GetProperty("lastMeetingAt").GetString());
        Assert.Equal(30, onTime.GetProperty("daysSinceLastMeeting").GetInt32());
        Assert.False(onTime.GetProperty("slipped").GetBoolean());
        Assert.Equal("NONE", onTime.GetProperty("previous").GetString());
        Assert.Equal("2024-07-16T10:00:00Z", onTime.GetProperty("nextMeetingDueBy").GetString());
        Assert.StartsWith("Monthly is great", onTime.GetProperty("advice").GetString());
        Assert.Equal("MONTHLY", lapsed.GetProperty("observed").GetString());
        Assert.True(lapsed.GetProperty("slipped").GetBoolean());
        Assert.Contains("meet in person in a rhythm", lapsed.GetProperty("advice").GetString());
    }

    [Fact]
    public async Task The_rhythm_defaults_to_now_and_a_retracted_meeting_is_not_counted()
    {
        var p = await Host.FormPartnershipAsync();
        await RecordAsync(p, "holdPartnerMeeting", new { partnershipId = p.PartnershipId, inPerson = true });
        var mistaken = await RecordAsync(p, "holdExecutiveBriefing", new { partnershipId = p.PartnershipId, occurredAt = DateTimeOffset.UtcNow.AddDays(-7).ToString("O") });
        await RecordAsync(p, "retractEvent", new { partnershipId = p.PartnershipId, eventId = mistaken, reason = "it was cancelled" });

        var rhythm = (await PartnershipAsync(p.PartnershipId, $"rhythm {{ {RhythmFields} }}")).GetProperty("rhythm");

        Assert.Equal(1, rhythm.GetProperty("meetingsLast12Months").GetInt32());
        Assert.Equal("IRREGULAR", rhythm.GetProperty("observed").GetString());
        Assert.Equal(0, rhythm.GetProperty("daysSinceLastMeeting").GetInt32());
        Assert.Equal(JsonValueKind.Null, rhythm.GetProperty("nextMeetingDueBy").ValueKind);
    }

    [Fact]
    public async Task Reciprocity_shows_what_each_member_gave_and_received_and_how_balanced_it_is()
    {
        var p = await Host.FormPartnershipAsync();
        await RecordAsync(p, "shareLead", new { partnershipId = p.PartnershipId, fromOrganizationId = p.First, toOrganizationId = p.Second, customer = "Acad Group", interestExpressed = true, occurredAt = "2024-02-01T10:00:00Z" });
        await RecordAsync(p, "shareLead", new { partnershipId = p.PartnershipId, fromOrganizationId = p.First, toOrganizationId = p.Second, customer = "Bluebird", interestExpressed = true, occurredAt = "2024-02-10T10:00:00Z" });
        var mistaken = await RecordAsync(p, "shareLead", new { partnershipId = p.PartnershipId, fromOrganizationId = p.First, toOrganizationId = p.Second, customer = "Nobody", interestExpressed = true, occurredAt = "2024-02-20T10:00:00Z" });
        await RecordAsync(p, "shareCustomerReference", new { partnershipId = p.PartnershipId, fromOrganizationId = p.First, toOrganizationId = p.Second, customer = "Acad Group", occurredAt = "2024-03-01T10:00:00Z" });
        await RecordAsync(p, "shareResources", new { partnershipId = p.PartnershipId, fromOrganizationId = p.Second, toOrganizationId = p.First, competency = "Azure", forSales = true, occurredAt = "2024-05-01T10:00:00Z" });
        await RecordAsync(p, "retractEvent", new { partnershipId = p.PartnershipId, eventId = mistaken, reason = "not a real lead" });

        var figures = await PartnershipAsync(p.PartnershipId,
            "all: reciprocity { index balanced members { organizationId leadsGiven leadsReceived resourcesGiven resourcesReceived referencesGiven referencesReceived given received } } " +
            "fromApril: reciprocity(from: \"2024-04-01T00:00:00Z\") { index balanced }");
        var all = figures.GetProperty("all");
        var members = all.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("organizationId").GetGuid());

        Assert.Equal(0.5, all.GetProperty("index").GetDouble());
        Assert.True(all.GetProperty("balanced").GetBoolean());
        Assert.Equal([2, 0, 0, 1, 1, 0, 3, 1], Counts(members[p.First]));
        Assert.Equal([0, 2, 1, 0, 0, 1, 1, 3], Counts(members[p.Second]));
        Assert.Equal(0, figures.GetProperty("fromApril").GetProperty("index").GetDouble());
        Assert.False(figures.GetProperty("fromApril").GetProperty("balanced").GetBoolean());
    }

    private static int[] Counts(JsonElement member) =>
        new[] { "leadsGiven", "leadsReceived", "resourcesGiven", "resourcesReceived", "referencesGiven", "referencesReceived", "given", "received" }
            .Select(field => member.GetProperty(field).GetInt32()).ToArray();

    [Fact]
    public async Task The_reciprocity_trend_by_quarter_has_one_point_per_calendar_quarter()
    {
        var p = await Host.FormPartnershipAsync();
        await RecordAsync(p, "shareLead", new { partnershipId = p.PartnershipId, fromOrganizationId = p.First, toOrganizationId = p.Second, customer = "Acad Group", interestExpressed = true, occurredAt = "2024-02-01T10:00:00Z" });
        await RecordAsync(p, "subcontractResources", new { partnershipId = p.PartnershipId, fromOrganizationId = p.Second, toOrganizationId = p.First, occurredAt = "2024-04-01T00:00:00Z" });
        await RecordAsync(p, "shareCustomerReference", new { partnershipId = p.PartnershipId, fromOrganizationId = p.First, toOrganizationId = p.Second, customer = "Acad Group", occurredAt = "2024-05-15T10:00:00Z" });

        var trend = (await PartnershipAsync(p.PartnershipId,
                "reciprocityTrend(interval: QUARTER, from: \"2024-01-15T09:00:00Z\", to: \"2024-09-30T00:00:00+02:00\") { periodStart periodEnd index given received }"))
            .GetProperty("reciprocityTrend").EnumerateArray().ToList();

        Assert.Equal(["2024-01-01T00:00:00Z", "2024-04-01T00:00:00Z", "2024-07-01T00:00:00Z"], trend.Select(point => point.GetProperty("periodStart").GetString()));
        Assert.Equal("2024-10-01T00:00:00Z", trend[2].GetProperty("periodEnd").GetString());
        Assert.Equal((0.0, 1), (trend[0].GetProperty("index").GetDouble(), trend[0].GetProperty("given").GetInt32()));
        Assert.Equal((1.0, 2, 2), (trend[1].GetProperty("index").GetDouble(), trend[1].GetProperty("given").GetInt32(), trend[1].GetProperty("received").GetInt32()));
        Assert.Equal(JsonValueKind.Null, trend[2].GetProperty("index").ValueKind);
    }

    [Fact]
    public async Task A_trend_of_more_than_120_points_is_refused_naming_from()
    {
        var p = await Host.FormPartnershipAsync();

        var response = await Host.GraphQLAsync(
            $"{{ partnership(id: \"{p.PartnershipId}\") {{ reciprocityTrend(interval: MONTH, from: \"2014-01-01T00:00:00Z\", to: \"2024-01-31T00:00:00Z\") {{ index }} }} }}");

        var error = response.SingleError("VALIDATION");
        Assert.Equal("from", error.Field());
        Assert.Contains("at most 120", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Agreement_reviews_fall_due_a_year_after_the_latest_review_and_termination_ends_them()
    {
        // Dated within the last year, so that no durable review reminder is due yet and none records on the stream meanwhile.
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var p = await Host.FormPartnershipAsync();
        var partnershipAgreement = await RecordAsync(p, "signAgreement", new { partnershipId = p.PartnershipId, kind = "PARTNERSHIP_AGREEMENT", title = "Nordic partnership", occurredAt = now.AddDays(-300) });
        var nda = await RecordAsync(p, "signAgreement", new { partnershipId = p.PartnershipId, kind = "NDA", expiresOn = "2099-12-31", occurredAt = now.AddDays(-200) });
        var reviewedAt = now.AddDays(-30);
        await RecordAsync(p, "reviewAgreement", new { partnershipId = p.PartnershipId, agreementId = partnershipAgreement, occurredAt = reviewedAt });
        await RecordAsync(p, "terminateAgreement", new { partnershipId = p.PartnershipId, agreementId = nda, reason = "covered by the partnership agreement", occurredAt = now.AddDays(-5) });

        const string fields = "agreementId kind title signedAt lastReviewedAt reviewDueAt overdue overdueDays inForce terminatedAt expiresOn";
        var due = reviewedAt.AddYears(1);
        var figures = await PartnershipAsync(p.PartnershipId,
            $"beforeTermination: agreementReviews(asOf: \"{now.AddDays(-6):O}\") {{ {fields} }} " +
            $"justBeforeDue: agreementReviews(asOf: \"{due.AddSeconds(-1):O}\") {{ {fields} }} " +
            $"due: agreementReviews(asOf: \"{due:O}\") {{ {fields} }}");
        var beforeTermination = figures.GetProperty("beforeTermination").EnumerateArray().ToList();
        var justBeforeDue = figures.GetProperty("justBeforeDue")[0];
        var reviews = figures.GetProperty("due").EnumerateArray().ToList();

        Assert.Equal([partnershipAgreement, nda], reviews.Select(review => review.GetProperty("agreementId").GetGuid()));
        Assert.Equal(("PARTNERSHIP_AGREEMENT", "Nordic partnership"), (reviews[0].GetProperty("kind").GetString(), reviews[0].GetProperty("title").GetString()));
        Assert.Equal(now.AddDays(-300), reviews[0].GetProperty("signedAt").GetDateTimeOffset());
        Assert.Equal(reviewedAt, reviews[0].GetProperty("lastReviewedAt").GetDateTimeOffset());
        Assert.Equal(due, reviews[0].GetProperty("reviewDueAt").GetDateTimeOffset());
        Assert.False(justBeforeDue.GetProperty("overdue").GetBoolean());
        Assert.Equal(JsonValueKind.Null, justBeforeDue.GetProperty("overdueDays").ValueKind);
        Assert.True(reviews[0].GetProperty("overdue").GetBoolean());
        Assert.Equal(0, reviews[0].GetProperty("overdueDays").GetInt32());

        Assert.True(beforeTermination[1].GetProperty("inForce").GetBoolean());
        Assert.Equal("2099-12-31", reviews[1].GetProperty("expiresOn").GetString());
        Assert.Equal(now.AddDays(-200).AddYears(1), reviews[1].GetProperty("reviewDueAt").GetDateTimeOffset());
        Assert.False(reviews[1].GetProperty("inForce").GetBoolean());
        Assert.False(reviews[1].GetProperty("overdue").GetBoolean());
        Assert.Equal(now.AddDays(-5), reviews[1].GetProperty("terminatedAt").GetDateTimeOffset());
    }
}
