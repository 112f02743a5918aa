using System.Text.Json;
using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Maturity;

/// <summary>A partnership recorded over 18 months, read back through GraphQL at many instants on both clocks.</summary>
public sealed class EighteenMonthsTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task Eighteen_months_of_a_partnership_give_the_right_level_at_any_instant_and_a_history_whose_every_entry_names_its_cause()
    {
        var p = await Host.FormPartnershipAsync(new DateTimeOffset(2024, 1, 15, 9, 0, 0, TimeSpan.Zero));
        var id = p.PartnershipId;
        string At(int year, int month, int day) => new DateTimeOffset(year, month, day, 10, 0, 0, TimeSpan.Zero).ToString("O");

        var mou = await Host.RecordedEventAsync("signAgreement", new { partnershipId = id, kind = "MOU", occurredAt = At(2024, 1, 20) }, p.FirstUser);
        await Host.RecordAsync("signAgreement", new { partnershipId = id, kind = "LETTER_OF_INTENT", occurredAt = At(2024, 6, 1) }, p.SecondUser);
        await Host.RecordAsync("terminateAgreement", new { partnershipId = id, agreementId = mou, occurredAt = At(2024, 6, 2) }, p.FirstUser);
        var formal = await Host.RecordedEventAsync("signAgreement", new { partnershipId = id, kind = "PARTNERSHIP_AGREEMENT", occurredAt = At(2024, 11, 1) }, p.FirstUser);
        await Host.RecordAsync("holdPartnerMeeting", new { partnershipId = id, inPerson = true, occurredAt = At(2024, 2, 1) }, p.FirstUser);
        await Host.RecordAsync("createJointPlan", new { partnershipId = id, horizon = "ACTIVITY", kpis = new[] { "3 joint wins" }, occurredAt = At(2024, 4, 1) }, p.SecondUser);
        await Host.RecordAsync("holdCustomerMeeting", new { partnershipId = id, customer = "Acad Group", occurredAt = At(2024, 3, 1) }, p.SecondUser);

        async Task<string> LevelAsync(string function, string asOf, string? knownAt = null)
        {
            var known = knownAt is null ? "" : $", knownAt: \"{knownAt}\"";
            var maturity = (await Host.GraphQLAsync($"{{ partnership(id: \"{id}\") {{ maturity(asOf: \"{asOf}\"{known}) {{ function level }} }} }}"))
                .Data("partnership").GetProperty("maturity").EnumerateArray();
            return maturity.Single(f => f.GetProperty("function").GetString() == function).GetProperty("level").GetString()!;
        }

        Assert.Equal("BASIC", await LevelAsync("AGREEMENT", At(2024, 1, 16)));
        Assert.Equal("REACTIVE", await LevelAsync("AGREEMENT", At(2024, 3, 1)));
        Assert.Equal("PROACTIVE", await LevelAsync("AGREEMENT", At(2024, 7, 1)));
        Assert.Equal("DYNAMIC", await LevelAsync("AGREEMENT", At(2025, 1, 1)));
        Assert.Equal("PROACTIVE", await LevelAsync("AGREEMENT", At(2025, 11, 2)));
        Assert.Equal("REACTIVE", await LevelAsync("JOINT_BUSINESS_PLANNING", At(2024, 3, 1)));
        Assert.Equal("PROACTIVE", await LevelAsync("JOINT_BUSINESS_PLANNING", At(2024, 5, 1)));
        Assert.Equal("BASIC", await LevelAsync("JOINT_BUSINESS_PLANNING", At(2025, 4, 2)));
        Assert.Equal("REACTIVE", await LevelAsync("CUSTOMER_RELATIONSHIPS_AND_SATISFACTION", At(2024, 12, 31)));
        Assert.Equal("BASIC", await LevelAsync("AGREEMENT", At(2025, 1, 1), knownAt: "2020-01-01T00:00:00Z"));

        var history = (await Host.GraphQLAsync($"{{ partnership(id: \"{id}\") {{ maturityHistory(from: \"2024-01-16T00:00:00Z\") {{ function at from to basis causeEventId reason }} }} }}"))
            .Data("partnership").GetProperty("maturityHistory").EnumerateArray().ToList();
        Assert.NotEmpty(history);
        Assert.All(history, change => Assert.True(
            change.GetProperty("causeEventId").ValueKind == JsonValueKind.String || change.GetProperty("reason").GetString()!.StartsWith("Evidence expired"),
            $"a change without a cause that is not an expiry: {change}"));
        Assert.Contains(history, change => change.GetProperty("causeEventId").ValueKind == JsonValueKind.String && change.GetProperty("causeEventId").GetGuid() == formal);
        Assert.Contains(history, change => change.GetProperty("function").GetString() == "JOINT_BUSINESS_PLANNING" && change.GetProperty("at").GetString() == "2025-04-01T10:00:00Z");
    }
}
