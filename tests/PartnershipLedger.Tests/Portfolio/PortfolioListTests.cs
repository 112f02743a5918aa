using System.Text.Json;
using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Portfolio;

/// <summary>The root <c>partnerships</c> list: cursor paging in name order, and its filters.</summary>
public sealed class PortfolioListTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Page = "totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name status } }";

    private async Task<JsonElement> PartnershipsAsync(string arguments) =>
        (await Host.GraphQLAsync($"{{ partnerships{(arguments == "" ? "" : $"({arguments})")} {{ {Page} }} }}")).Data("partnerships");

    private static List<string> Names(JsonElement connection) =>
        connection.GetProperty("edges").EnumerateArray().Select(edge => edge.GetProperty("node").GetProperty("name").GetString()!).ToList();

    private static List<Guid> Ids(JsonElement connection) =>
        connection.GetProperty("edges").EnumerateArray().Select(edge => edge.GetProperty("node").GetProperty("id").GetGuid()).ToList();

    private static string EndCursor(JsonElement connection) => connection.GetProperty("pageInfo").GetProperty("endCursor").GetString()!;

    private static bool HasNextPage(JsonElement connection) => connection.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean();

    [Fact]
    public async Task Pages_follow_name_then_id_and_a_cursor_stays_put_when_a_partnership_is_formed_before_it()
    {
        var a = await Host.RegisterOrganizationAsync("Contoso");
        var b = await Host.RegisterOrganizationAsync("Fabrikam");
        var formed = new List<Guid>();
        foreach (var name in new[] { "Delta", "Bravo", "Alpha", "Charlie", "Bravo" })
            formed.Add(await Host.FormPartnershipAsync(name, [a, b]));

        var first = await PartnershipsAsync("first: 2");
        var second = await PartnershipsAsync($"first: 2, after: \"{EndCursor(first)}\"");
        await Host.FormPartnershipAsync("Aardvark", [a, b]);
        var third = await PartnershipsAsync($"first: 2, after: \"{EndCursor(second)}\"");

        Assert.Equal(["Alpha", "Bravo"], Names(first));
        Assert.Equal(["Bravo", "Charlie"], Names(second));
        Assert.Equal(["Delta"], Names(third));
        Assert.True(HasNextPage(first));
        Assert.True(HasNextPage(second));
        Assert.False(HasNextPage(third));
        Assert.Equal(EndCursor(third), third.GetProperty("edges")[0].GetProperty("cursor").GetString());
        Assert.Equal(5, first.GetProperty("totalCount").GetInt32());
        Assert.Equal(6, third.GetProperty("totalCount").GetInt32());
        Assert.Equal(formed.Order(), Ids(first).Concat(Ids(second)).Concat(Ids(third)).Order());
    }

    [Fact]
    public async Task An_empty_ledger_has_an_empty_page_and_the_default_page_holds_fifty()
    {
        var empty = await PartnershipsAsync("");
        var a = await Host.RegisterOrganizationAsync("Contoso");
        var b = await Host.RegisterOrganizationAsync("Fabrikam");
        for (var i = 0; i < 51; i++) await Host.FormPartnershipAsync($"P{i:D2}", [a, b]);
        var byDefault = await PartnershipsAsync("");

        Assert.Empty(Names(empty));
        Assert.Equal(0, empty.GetProperty("totalCount").GetInt32());
        Assert.False(HasNextPage(empty));
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("pageInfo").GetProperty("endCursor").ValueKind);
        Assert.Equal(50, Names(byDefault).Count);
        Assert.Equal("P49", Names(byDefault)[^1]);
        Assert.True(HasNextPage(byDefault));
        Assert.Equal(51, byDefault.GetProperty("totalCount").GetInt32());
    }

    /// <summary>Contoso (ISV), Fabrikam (SI), Northwind (MSP) and Tailspin (learning partner); the Nordic circle holds the first three.</summary>
    private async Task<(Guid Contoso, Guid Fabrikam, Guid Northwind, Guid Tailspin, Guid Circle)> PortfolioAsync()
    {
        var contoso = await Host.RegisterOrganizationAsync("Contoso", "ISV", "Sweden");
        var fabrikam = await Host.RegisterOrganizationAsync("Fabrikam", "SYSTEMS_INTEGRATOR", "Norway");
        var northwind = await Host.RegisterOrganizationAsync("Northwind", "MANAGED_SERVICE_PROVIDER, VALUE_ADDED_RESELLER", "Denmark");
        var tailspin = await Host.RegisterOrganizationAsync("Tailspin", "LEARNING_PARTNER", "Finland");
        await Host.FormPartnershipAsync("Contoso + Fabrikam", [contoso, fabrikam]);
        var paused = await Host.FormPartnershipAsync("Contoso + Northwind", [contoso, northwind]);
        await Host.FormPartnershipAsync("Fabrikam + Northwind", [fabrikam, northwind]);
        await Host.FormPartnershipAsync("Northwind + Tailspin", [northwind, tailspin]);
        (await Host.RecordAsync("pausePartnership", new { partnershipId = paused }, new As("ada", contoso))).Data("pausePartnership");
        var circle = await Host.FormCircleOfTrustAsync("Nordic Circle", [contoso, fabrikam, northwind]);
        return (contoso, fabrikam, northwind, tailspin, circle);
    }

    [Fact]
    public async Task Each_filter_alone_selects_its_partnerships()
    {
        var (contoso, _, _, _, circle) = await PortfolioAsync();

        Assert.Equal(["Contoso + Fabrikam", "Contoso + Northwind"], Names(await PartnershipsAsync($"organizationId: \"{contoso}\"")));
        Assert.Equal(["Contoso + Fabrikam", "Contoso + Northwind"], Names(await PartnershipsAsync("partnerType: ISV")));
        Assert.Equal(["Contoso + Fabrikam", "Fabrikam + Northwind"], Names(await PartnershipsAsync("partnerType: SYSTEMS_INTEGRATOR")));
        Assert.Equal(["Contoso + Northwind", "Fabrikam + Northwind", "Northwind + Tailspin"], Names(await PartnershipsAsync("partnerType: VALUE_ADDED_RESELLER")));
        Assert.Empty(Names(await PartnershipsAsync("partnerType: SMB_CLOUD_PARTNER")));
        Assert.Equal(["Contoso + Fabrikam", "Contoso + Northwind", "Fabrikam + Northwind"], Names(await PartnershipsAsync($"circleOfTrustId: \"{circle}\"")));
        Assert.Equal(["Contoso + Northwind"], Names(await PartnershipsAsync("status: PAUSED")));
        Assert.Equal(["Contoso + Fabrikam", "Fabrikam + Northwind", "Northwind + Tailspin"], Names(await PartnershipsAsync("status: ACTIVE")));
        Assert.Equal(["Contoso + Northwind", "Fabrikam + Northwind", "Northwind + Tailspin"], Names(await PartnershipsAsync("name: \"nORTHw\"")));
        Assert.Empty(Names(await PartnershipsAsync("name: \"%\"")));
    }

    [Fact]
    public async Task Filters_combine_with_and_and_the_total_counts_every_match()
    {
        var (contoso, _, northwind, _, circle) = await PortfolioAsync();

        var activeInCircleWithFabrikam = await PartnershipsAsync($"circleOfTrustId: \"{circle}\", status: ACTIVE, name: \"fabrikam\", first: 1");
        var nextOfThem = await PartnershipsAsync($"circleOfTrustId: \"{circle}\", status: ACTIVE, name: \"fabrikam\", first: 1, after: \"{EndCursor(activeInCircleWithFabrikam)}\"");

        Assert.Equal(["Contoso + Fabrikam"], Names(activeInCircleWithFabrikam));
        Assert.Equal(2, activeInCircleWithFabrikam.GetProperty("totalCount").GetInt32());
        Assert.True(HasNextPage(activeInCircleWithFabrikam));
        Assert.Equal(["Fabrikam + Northwind"], Names(nextOfThem));
        Assert.Equal(2, nextOfThem.GetProperty("totalCount").GetInt32());
        Assert.False(HasNextPage(nextOfThem));
        Assert.Equal(["Contoso + Northwind"], Names(await PartnershipsAsync($"organizationId: \"{northwind}\", partnerType: ISV")));
        Assert.Empty(Names(await PartnershipsAsync($"organizationId: \"{contoso}\", status: ACTIVE, partnerType: LEARNING_PARTNER")));
        Assert.Empty(Names(await PartnershipsAsync($"circleOfTrustId: \"{circle}\", partnerType: LEARNING_PARTNER")));
        Assert.Empty(Names(await PartnershipsAsync($"circleOfTrustId: \"{Guid.NewGuid()}\"")));
    }

    [Fact]
    public async Task A_cursor_the_api_did_not_give_out_and_a_page_above_500_are_refused()
    {
        var badCursor = await Host.GraphQLAsync("{ partnerships(after: \"bm90LWEtY3Vyc29y\") { totalCount } }");
        var garbage = await Host.GraphQLAsync("{ partnerships(after: \"***\") { totalCount } }");
        var tooMany = await Host.GraphQLAsync("{ partnerships(first: 501) { totalCount } }");
        var badId = await Host.GraphQLAsync("{ partnerships(organizationId: \"contoso\") { totalCount } }");
        var allowed = await Host.GraphQLAsync("{ partnerships(first: 500) { totalCount } }");

        Assert.Equal("after", badCursor.SingleError("VALIDATION").Field());
        Assert.Equal("after", garbage.SingleError("VALIDATION").Field());
        Assert.Equal("first", tooMany.SingleError("VALIDATION").Field());
        Assert.Equal("organizationId", badId.SingleError("VALIDATION").Field());
        Assert.Equal(0, allowed.Data("partnerships").GetProperty("totalCount").GetInt32());
    }
}
