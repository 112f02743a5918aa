using System.Text.Json;
using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Portfolio;

/// <summary>An organization seen as a prospective partner: its partnerships, circles and maturity across them.</summary>
public sealed class PortfolioOrganizationTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly DateTimeOffset Recently = DateTimeOffset.UtcNow.AddDays(-30);

    private async Task<JsonElement> OrganizationAsync(Guid id, string selection) =>
        (await Host.GraphQLAsync($"{{ organization(id: \"{id}\") {{ {selection} }} }}")).Data("organization");

    private static JsonElement Function(JsonElement list, string function) =>
        list.EnumerateArray().Single(f => f.GetProperty("function").GetString() == function);

    private Task AssessAsync(Guid partnership, Guid organization, string function, int yes, int questions, DateTimeOffset at) =>
        Host.RecordedEventAsync("recordSelfAssessment",
            new { partnershipId = partnership, organizationId = organization, function, answers = Enumerable.Range(0, questions).Select(i => i < yes), occurredAt = at },
            new As("ada", organization));

    [Fact]
    public async Task An_organization_lists_its_own_partnerships_a_page_at_a_time_and_its_circles()
    {
        var contoso = await Host.RegisterOrganizationAsync("Contoso");
        var fabrikam = await Host.RegisterOrganizationAsync("Fabrikam");
        var northwind = await Host.RegisterOrganizationAsync("Northwind");
        await Host.FormPartnershipAsync("Contoso + Fabrikam", [contoso, fabrikam]);
        var paused = await Host.FormPartnershipAsync("Contoso + Northwind", [contoso, northwind]);
        await Host.FormPartnershipAsync("Fabrikam + Northwind", [fabrikam, northwind]);
        await Host.RecordAsync("pausePartnership", new { partnershipId = paused }, new As("ada", contoso));
        await Host.FormCircleOfTrustAsync("Nordic Circle", [contoso, fabrikam]);
        await Host.FormCircleOfTrustAsync("Baltic Circle", [northwind, contoso]);
        await Host.FormCircleOfTrustAsync("Other Circle", [fabrikam, northwind]);

        var first = await OrganizationAsync(contoso, "partnerships(first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } circlesOfTrust { name members { name } }");
        var cursor = first.GetProperty("partnerships").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var second = await OrganizationAsync(contoso, $"partnerships(first: 1, after: \"{cursor}\") {{ pageInfo {{ hasNextPage }} edges {{ node {{ name }} }} }}");
        var paused_ = await OrganizationAsync(contoso, "partnerships(status: PAUSED) { totalCount edges { node { name } } }");

        Assert.Equal(2, first.GetProperty("partnerships").GetProperty("totalCount").GetInt32());
        Assert.Equal("Contoso + Fabrikam", first.GetProperty("partnerships").GetProperty("edges")[0].GetProperty("node").GetProperty("name").GetString());
        Assert.True(first.GetProperty("partnerships").GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal("Contoso + Northwind", second.GetProperty("partnerships").GetProperty("edges")[0].GetProperty("node").GetProperty("name").GetString());
        Assert.False(second.GetProperty("partnerships").GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(1, paused_.GetProperty("partnerships").GetProperty("totalCount").GetInt32());
        Assert.Equal(["Baltic Circle", "Nordic Circle"], first.GetProperty("circlesOfTrust").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(["Northwind", "Contoso"], first.GetProperty("circlesOfTrust")[0].GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Assessed_maturity_takes_the_latest_self_assessment_per_function_across_its_partnerships()
    {
        var contoso = await Host.RegisterOrganizationAsync("Contoso");
        var fabrikam = await Host.RegisterOrganizationAsync("Fabrikam");
        var northwind = await Host.RegisterOrganizationAsync("Northwind");
        var withFabrikam = await Host.FormPartnershipAsync("Contoso + Fabrikam", [contoso, fabrikam]);
        var withNorthwind = await Host.FormPartnershipAsync("Contoso + Northwind", [contoso, northwind]);
        var t = new DateTimeOffset(2024, 6, 1, 9, 0, 0, TimeSpan.Zero);
        await AssessAsync(withNorthwind, contoso, "LEADS_AND_PIPELINE", 12, 12, t);              // DYNAMIC, then superseded
        await AssessAsync(withFabrikam, contoso, "LEADS_AND_PIPELINE", 4, 12, t.AddDays(30));    // PROACTIVE: the latest
        await AssessAsync(withFabrikam, contoso, "AGREEMENT", 2, 7, t.AddDays(10));              // REACTIVE: the latest standing one
        await AssessAsync(withFabrikam, fabrikam, "AGREEMENT", 7, 7, t.AddDays(40));             // another member's: not Contoso's
        var retracted = await Host.RecordedEventAsync("recordSelfAssessment",
            new { partnershipId = withNorthwind, organizationId = contoso, function = "AGREEMENT", answers = Enumerable.Repeat(true, 7), occurredAt = t.AddDays(50) }, new As("ada", contoso));
        await Host.RecordAsync("retractEvent", new { partnershipId = withNorthwind, eventId = retracted, reason = "answered for the wrong company" }, new As("ada", contoso));

        var contosoView = await OrganizationAsync(contoso, "assessedMaturity { function level assessedAt partnershipId yesCount } partnerFriendliness");
        var fabrikamView = await OrganizationAsync(fabrikam, "partnerFriendliness");
        var northwindView = await OrganizationAsync(northwind, "assessedMaturity { level } partnerFriendliness");

        var assessed = contosoView.GetProperty("assessedMaturity");
        Assert.Equal(10, assessed.GetArrayLength());
        Assert.Equal("JOINT_BUSINESS_PLANNING", assessed[0].GetProperty("function").GetString());
        var leads = Function(assessed, "LEADS_AND_PIPELINE");
        Assert.Equal("PROACTIVE", leads.GetProperty("level").GetString());
        Assert.Equal(withFabrikam, leads.GetProperty("partnershipId").GetGuid());
        Assert.Equal(4, leads.GetProperty("yesCount").GetInt32());
        Assert.Equal("2024-07-01T09:00:00Z", leads.GetProperty("assessedAt").GetString());
        var agreement = Function(assessed, "AGREEMENT");
        Assert.Equal("REACTIVE", agreement.GetProperty("level").GetString());
        Assert.Equal(withFabrikam, agreement.GetProperty("partnershipId").GetGuid());
        var geography = Function(assessed, "GEOGRAPHY");
        Assert.Equal(JsonValueKind.Null, geography.GetProperty("level").ValueKind);
        Assert.Equal(JsonValueKind.Null, geography.GetProperty("partnershipId").ValueKind);
        Assert.Equal(0.5, contosoView.GetProperty("partnerFriendliness").GetDouble());     // (PROACTIVE 2 + REACTIVE 1) / 2 / 3
        Assert.Equal(1.0, fabrikamView.GetProperty("partnerFriendliness").GetDouble());
        Assert.Equal(JsonValueKind.Null, northwindView.GetProperty("partnerFriendliness").ValueKind);
        Assert.All(northwindView.GetProperty("assessedMaturity").EnumerateArray(), f => Assert.Equal(JsonValueKind.Null, f.GetProperty("level").ValueKind));
    }

    [Fact]
    public async Task Partner_friendliness_is_rounded_to_two_decimals()
    {
        var contoso = await Host.RegisterOrganizationAsync("Contoso");
        var fabrikam = await Host.RegisterOrganizationAsync("Fabrikam");
        var partnership = await Host.FormPartnershipAsync("Contoso + Fabrikam", [contoso, fabrikam]);
        var t = new DateTimeOffset(2024, 6, 1, 9, 0, 0, TimeSpan.Zero);
        await AssessAsync(partnership, contoso, "LEADS_AND_PIPELINE", 12, 12, t);   // DYNAMIC 3
        await AssessAsync(partnership, contoso, "AGREEMENT", 2, 7, t);              // REACTIVE 1
        await AssessAsync(partnership, contoso, "GEOGRAPHY", 0, 11, t);             // BASIC 0

        var view = await OrganizationAsync(contoso, "partnerFriendliness");

        Assert.Equal(0.44, view.GetProperty("partnerFriendliness").GetDouble());    // 4 / 3 / 3 = 0.444...
    }

    [Fact]
    public async Task Evidenced_maturity_takes_the_highest_level_now_across_its_active_partnerships()
    {
        var contoso = await Host.RegisterOrganizationAsync("Contoso", "ISV", "Sweden");
        var fabrikam = await Host.RegisterOrganizationAsync("Fabrikam", "SYSTEMS_INTEGRATOR", "Sweden");
        var northwind = await Host.RegisterOrganizationAsync("Northwind", "ISV", "Sweden");
        var tailspin = await Host.RegisterOrganizationAsync("Tailspin", "ISV", "Sweden");
        var loner = await Host.RegisterOrganizationAsync("Loner");
        var ada = new As("ada", contoso);
        var withFabrikam = await Host.FormPartnershipAsync("Contoso + Fabrikam", [contoso, fabrikam], Recently.AddDays(-10));
        var withNorthwind = await Host.FormPartnershipAsync("Contoso + Northwind", [contoso, northwind], Recently.AddDays(-10));
        var withTailspin = await Host.FormPartnershipAsync("Contoso + Tailspin", [contoso, tailspin], Recently.AddDays(-10));
        (await Host.RecordAsync("shareLead", new { partnershipId = withFabrikam, fromOrganizationId = contoso, toOrganizationId = fabrikam, customer = "Acad Group", interestExpressed = true, occurredAt = Recently }, ada)).Data("shareLead");
        (await Host.RecordAsync("signAgreement", new { partnershipId = withFabrikam, kind = "NDA", occurredAt = Recently }, ada)).Data("signAgreement");
        (await Host.RecordAsync("signAgreement", new { partnershipId = withNorthwind, kind = "LETTER_OF_INTENT", occurredAt = Recently.AddDays(1) }, ada)).Data("signAgreement");
        (await Host.RecordAsync("signAgreement", new { partnershipId = withTailspin, kind = "PARTNERSHIP_AGREEMENT", occurredAt = Recently }, ada)).Data("signAgreement");
        (await Host.RecordAsync("pausePartnership", new { partnershipId = withTailspin }, ada)).Data("pausePartnership");

        var evidenced = (await OrganizationAsync(contoso, "evidencedMaturity { function level partnershipId since assessedAt yesCount }")).GetProperty("evidencedMaturity");
        var lonely = (await OrganizationAsync(loner, "evidencedMaturity { level partnershipId }")).GetProperty("evidencedMaturity");

        Assert.Equal(10, evidenced.GetArrayLength());
        var agreement = Function(evidenced, "AGREEMENT");
        Assert.Equal("PROACTIVE", agreement.GetProperty("level").GetString());      // the paused partnership's DYNAMIC does not count
        Assert.Equal(withNorthwind, agreement.GetProperty("partnershipId").GetGuid());
        Assert.Equal(JsonValueKind.Null, agreement.GetProperty("assessedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, agreement.GetProperty("yesCount").ValueKind);
        var leads = Function(evidenced, "LEADS_AND_PIPELINE");
        Assert.Equal("REACTIVE", leads.GetProperty("level").GetString());
        Assert.Equal(withFabrikam, leads.GetProperty("partnershipId").GetGuid());
        Assert.Equal(Recently.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss"), leads.GetProperty("since").GetString()![..19]);
        Assert.Equal("BASIC", Function(evidenced, "GEOGRAPHY").GetProperty("level").GetString());
        Assert.All(lonely.EnumerateArray(), f => Assert.Equal(JsonValueKind.Null, f.GetProperty("level").ValueKind));
    }
}
