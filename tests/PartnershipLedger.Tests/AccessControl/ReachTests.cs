using System.Text.Json;
using System.Text.Json.Nodes;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events;
using PartnershipLedger.Access;
using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.AccessControl;

/// <summary>
/// Two organizations' partnerships side by side: an outsider can neither read, list, count, trend over nor write to a
/// partnership its organization is not a member of, nor tell it from one that does not exist.
/// </summary>
public sealed class ReachTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private sealed record Ledger(TwoPartners Partnership, Guid CircleId, As Outsider, Guid OutsiderPartnership);

    /// <summary>Contoso + Fabrikam with a lead and a self-assessment, their circle; Northwind in a partnership of its own with Tailspin.</summary>
    private async Task<Ledger> TwoPortfoliosAsync()
    {
        var partnership = await Host.FormPartnershipAsync();
        await Host.RecordAsync("shareLead", new { partnershipId = partnership.PartnershipId, fromOrganizationId = partnership.First, toOrganizationId = partnership.Second, customer = "Acad", interestExpressed = true, occurredAt = "2024-03-01T10:00:00Z" }, partnership.FirstUser);
        await Host.RecordAsync("recordSelfAssessment", new { partnershipId = partnership.PartnershipId, organizationId = partnership.First, function = "AGREEMENT", answers = new[] { true, true, false, false, false, false, false } }, partnership.FirstUser);
        await Host.RecordAsync("addOrganizationUser", new { organizationId = partnership.First, user = "cy@first.example" }, partnership.FirstUser);
        var circle = await Host.FormCircleOfTrustAsync("Golden Circle", [partnership.First, partnership.Second]);
        var northwind = await Host.RegisterOrganizationAsync("Northwind", "ISV", "Denmark");
        var tailspin = await Host.RegisterOrganizationAsync("Tailspin", "ISV", "Denmark");
        var own = await Host.FormPartnershipAsync("Northwind + Tailspin", [northwind, tailspin]);
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        return new Ledger(partnership, circle, new As("eve@northwind.example", northwind), own);
    }

    [Fact]
    public async Task An_outsider_reads_a_partnership_as_if_it_did_not_exist()
    {
        var ledger = await TwoPortfoliosAsync();

        var outsider = await Host.GraphQLAsync($"{{ partnership(id: \"{ledger.Partnership.PartnershipId}\") {{ name }} missing: partnership(id: \"{Guid.NewGuid()}\") {{ name }} }}", caller: ledger.Outsider);
        var member = await Host.GraphQLAsync($"{{ partnership(id: \"{ledger.Partnership.PartnershipId}\") {{ name }} }}", caller: ledger.Partnership.SecondUser);

        Assert.Equal("{\"partnership\":null,\"missing\":null}", outsider.GetProperty("data").GetRawText());
        Assert.False(outsider.TryGetProperty("errors", out _));
        Assert.Equal("Contoso + Fabrikam", member.Data("partnership").GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_outsider_cannot_list_count_or_reach_them_through_organizations_and_circles()
    {
        var ledger = await TwoPortfoliosAsync();
        var contoso = ledger.Partnership.First;

        var response = await Host.GraphQLAsync(
            $"{{ partnerships {{ totalCount edges {{ node {{ name }} }} }} " +
            $"contoso: partnerships(organizationId: \"{contoso}\") {{ totalCount }} " +
            $"organization(id: \"{contoso}\") {{ name users partnerships {{ totalCount }} circlesOfTrust {{ name }} assessedMaturity {{ level }} partnerFriendliness evidencedMaturity {{ level }} }} " +
            $"circleOfTrust(id: \"{ledger.CircleId}\") {{ name }} }}", caller: ledger.Outsider);

        Assert.Equal(1, response.Data("partnerships").GetProperty("totalCount").GetInt32());
        Assert.Equal("Northwind + Tailspin", response.Data("partnerships").GetProperty("edges")[0].GetProperty("node").GetProperty("name").GetString());
        Assert.Equal(0, response.Data("contoso").GetProperty("totalCount").GetInt32());
        var organization = response.Data("organization");
        Assert.Equal("Contoso", organization.GetProperty("name").GetString());   // the directory of organizations is open
        Assert.Equal(0, organization.GetProperty("users").GetArrayLength());
        Assert.Equal(0, organization.GetProperty("partnerships").GetProperty("totalCount").GetInt32());
        Assert.Equal(0, organization.GetProperty("circlesOfTrust").GetArrayLength());
        Assert.All(organization.GetProperty("assessedMaturity").EnumerateArray(), level => Assert.Equal(JsonValueKind.Null, level.GetProperty("level").ValueKind));
        Assert.Equal(JsonValueKind.Null, organization.GetProperty("partnerFriendliness").ValueKind);
        Assert.All(organization.GetProperty("evidencedMaturity").EnumerateArray(), level => Assert.Equal(JsonValueKind.Null, level.GetProperty("level").ValueKind));
        Assert.Equal(JsonValueKind.Null, response.Data("circleOfTrust").ValueKind);

        // The same questions from a member of Contoso see it all.
        var member = await Host.GraphQLAsync(
            $"{{ partnerships {{ totalCount }} organization(id: \"{contoso}\") {{ users circlesOfTrust {{ name }} partnerFriendliness }} }}", caller: ledger.Partnership.FirstUser);
        Assert.Equal(1, member.Data("partnerships").GetProperty("totalCount").GetInt32());
        Assert.Equal(1, member.Data("organization").GetProperty("circlesOfTrust").GetArrayLength());
        Assert.Equal("cy@first.example", member.Data("organization").GetProperty("users")[0].GetString());
        Assert.NotEqual(JsonValueKind.Null, member.Data("organization").GetProperty("partnerFriendliness").ValueKind);
    }

    [Fact]
    public async Task The_portfolio_trend_counts_only_what_the_caller_may_see()
    {
        var ledger = await TwoPortfoliosAsync();
        const string trend = "{ portfolioTrend(function: LEADS_AND_PIPELINE, from: \"2024-01-01T00:00:00Z\", to: \"2024-06-30T00:00:00Z\", interval: QUARTER) { basic reactive proactive dynamic } }";

        static int Total(JsonElement response) => response.Data("portfolioTrend")[0] is var point
            ? point.GetProperty("basic").GetInt32() + point.GetProperty("reactive").GetInt32() + point.GetProperty("proactive").GetInt32() + point.GetProperty("dynamic").GetInt32()
            : 0;

        var admin = await Host.GraphQLAsync(trend);
        var outsider = await Host.GraphQLAsync(trend, caller: ledger.Outsider);
        var member = await Host.GraphQLAsync(trend, caller: ledger.Partnership.FirstUser);

        Assert.Equal(2, Total(admin));
        Assert.Equal(1, Total(outsider));
        Assert.Equal(1, Total(member));
        Assert.Equal(1, member.Data("portfolioTrend")[0].GetProperty("reactive").GetInt32());   // Contoso + Fabrikam's lead
        Assert.Equal(0, outsider.Data("portfolioTrend")[0].GetProperty("reactive").GetInt32());
    }

    [Fact]
    public async Task Every_mutation_on_a_partnership_circle_or_organization_refuses_an_outsider_like_a_missing_id_and_stores_nothing()
    {
        var ledger = await TwoPortfoliosAsync();
        var events = await Host.EventCountAsync();
        var mutations = await MutationsAsync();
        var targets = new Dictionary<string, (Guid Id, string Thing)>
        {
            ["partnershipId"] = (ledger.Partnership.PartnershipId, "partnership"),
            ["circleId"] = (ledger.CircleId, "circle of trust"),
        };
        var checkedMutations = new List<string>();

        foreach (var (name, input) in mutations)
        {
            var fields = input["inputFields"]!.AsArray();
            var target = fields.Select(field => field!["name"]!.GetValue<string>()).FirstOrDefault(targets.ContainsKey);
            var organizationCommand = target is null && name is "renameOrganization" or "addOrganizationUser" or "removeOrganizationUser";
            if (target is null && !organizationCommand) continue;
            var (id, thing) = target is null ? (ledger.Partnership.First, "organization") : targets[target];

            var value = InputFor(fields, target ?? "organizationId", id);
            var response = await Host.GraphQLAsync($"mutation($input: {input["name"]}!) {{ {name}(input: $input) {{ __typename }} }}", new { input = value }, caller: ledger.Outsider);

            var error = Assert.Single(response.Errors());
            Assert.True(error.Code() == "NOT_FOUND", $"{name}: {error}");
            Assert.Equal($"No {thing} has the id {id}.", error.GetProperty("message").GetString());
            checkedMutations.Add(name);
        }

        Assert.Equal(events, await Host.EventCountAsync());
        Assert.True(checkedMutations.Count >= 45, $"only {checkedMutations.Count} mutations checked: {string.Join(", ", checkedMutations)}");
        Assert.Contains("retractEvent", checkedMutations);
        Assert.Contains("addCircleMember", checkedMutations);
        Assert.Contains("renameOrganization", checkedMutations);
    }

    [Fact]
    public async Task Each_refusal_of_a_known_caller_is_recorded_on_their_tokens_stream()
    {
        var ledger = await TwoPortfoliosAsync();

        await Host.GraphQLAsync($"{{ partnership(id: \"{ledger.Partnership.PartnershipId}\") {{ name }} }}", caller: ledger.Outsider);
        await Host.RecordAsync("holdPartnerMeeting", new { partnershipId = ledger.Partnership.PartnershipId, inPerson = true }, ledger.Outsider);

        var tokens = await Host.GraphQLAsync("{ accessTokens { user denials } }");
        var outsider = tokens.Data("accessTokens").EnumerateArray().Single(token => token.GetProperty("user").GetString() == ledger.Outsider.User);
        Assert.Equal(2, outsider.GetProperty("denials").GetInt32());
    }

    /// <summary>Every mutation with its input type, from introspection.</summary>
    private async Task<IReadOnlyList<(string Name, JsonNode Input)>> MutationsAsync()
    {
        const string query = """
            { __schema { mutationType { fields { name args { name type { ofType { name } } } } }
                         types { name kind inputFields { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } enumValues { name } } } }
            """;
        var schema = JsonNode.Parse((await Host.GraphQLAsync(query)).Data("__schema").GetRawText())!;
        Types = schema["types"]!.AsArray().ToDictionary(type => type!["name"]!.GetValue<string>(), type => type!);
        return schema["mutationType"]!["fields"]!.AsArray()
            .Select(field => (field!["name"]!.GetValue<string>(), Types[field["args"]![0]!["type"]!["ofType"]!["name"]!.GetValue<string>()]))
            .ToList();
    }

    private Dictionary<string, JsonNode> Types = [];

    /// <summary>A value for every required input field (and the target id), of the right type.</summary>
    private JsonObject InputFor(JsonArray fields, string targetField, Guid targetId)
    {
        var input = new JsonObject();
        foreach (var field in fields)
        {
            var name = field!["name"]!.GetValue<string>();
            if (name == targetField) input[name] = targetId.ToString();
            else if (field["type"]!["kind"]!.GetValue<string>() == "NON_NULL") input[name] = ValueOf(field["type"]!["ofType"]!);
        }
        return input;
    }

    private JsonNode ValueOf(JsonNode type) => type["kind"]!.GetValue<string>() switch
    {
        "NON_NULL" => ValueOf(type["ofType"]!),
        "LIST" => new JsonArray(ValueOf(type["ofType"]!)),
        "ENUM" => JsonValue.Create(Types[type["name"]!.GetValue<string>()]["enumValues"]![0]!["name"]!.GetValue<string>())!,
        "INPUT_OBJECT" => InputFor(Types[type["name"]!.GetValue<string>()]["inputFields"]!.AsArray(), "", Guid.Empty),
        _ => type["name"]!.GetValue<string>() switch
        {
            "ID" => JsonValue.Create(Guid.NewGuid().ToString())!,
            "Int" => JsonValue.Create(1)!,
            "Float" => JsonValue.Create(1.0)!,
            "Boolean" => JsonValue.Create(true)!,
            "DateTime" => JsonValue.Create("2024-06-01T00:00:00Z")!,
            "Date" => JsonValue.Create("2024-06-01")!,
            _ => JsonValue.Create("x")!,
        },
    };
}
