using Marten;
using Marten.Events;
using PartnershipLedger.Tests.Hosting;
using Xunit.Abstractions;

namespace PartnershipLedger.Tests.Portfolio;

/// <summary>A page costs the same number of SQL round trips whatever its size: no query per partnership or member.</summary>
public sealed class PortfolioSqlCommandTests(AppFixture fixture, ITestOutputHelper output) : IntegrationContext(fixture)
{
    private const string PageWithMembersAndMaturity = "{ partnerships(first: 50) { edges { node { name members { name } maturity { level } } } } }";

    private const string PageWithMembersAsPartners =
        "{ partnerships(first: 50) { totalCount edges { node { name members { name circlesOfTrust { name members { name } } assessedMaturity { level } partnerFriendliness evidencedMaturity { level } } } } } }";

    private async Task FormPartnershipsAsync(int count)
    {
        var organizations = new List<Guid>();
        for (var i = 0; i < 6; i++) organizations.Add(await Host.RegisterOrganizationAsync($"Org {i}"));
        await Host.FormCircleOfTrustAsync("Circle", organizations.Take(3).ToList());
        for (var i = 0; i < count; i++)
            await Host.FormPartnershipAsync($"Partnership {i:D2}", [organizations[i % 6], organizations[(i + 1) % 6]]);
    }

    private async Task<IReadOnlyList<string>> CommandsOfAsync(string query, int expectedPartnerships)
    {
        // The async daemon (trends) writes documents of its own after the partnerships are formed: let it finish first,
        // or its commands land in the recording.
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        await Host.GraphQLAsync("{ __typename }");   // the token is issued and its registry check cached before counting
        using var recording = SqlCommandLog.Instance.Start();
        var page = (await Host.GraphQLAsync(query)).Data("partnerships").GetProperty("edges");
        Assert.Equal(expectedPartnerships, page.GetArrayLength());
        Assert.All(page.EnumerateArray(), edge => Assert.Equal(2, edge.GetProperty("node").GetProperty("members").GetArrayLength()));
        return recording.DocumentCommands;
    }

    [Fact]
    public async Task A_page_with_members_and_maturity_costs_as_many_commands_for_30_partnerships_as_for_3()
    {
        await FormPartnershipsAsync(3);
        var small = await CommandsOfAsync(PageWithMembersAndMaturity, 3);
        await FormPartnershipsAsync(27);
        var large = await CommandsOfAsync(PageWithMembersAndMaturity, 30);

        output.WriteLine($"3 partnerships: {small.Count} commands; 30 partnerships: {large.Count} commands");
        foreach (var sql in large) output.WriteLine(sql + "\n--");
        Assert.Equal(small.Count, large.Count);
        Assert.Equal(3, large.Count);   // the page with its total (one batch), the members, the maturity documents
    }

    [Fact]
    public async Task Members_judged_as_partners_cost_a_constant_number_of_commands_too()
    {
        await FormPartnershipsAsync(3);
        var small = await CommandsOfAsync(PageWithMembersAsPartners, 3);
        await FormPartnershipsAsync(27);
        var large = await CommandsOfAsync(PageWithMembersAsPartners, 30);

        output.WriteLine($"3 partnerships: {small.Count} commands; 30 partnerships: {large.Count} commands");
        foreach (var sql in large) output.WriteLine(sql + "\n--");
        Assert.Equal(small.Count, large.Count);
        Assert.Equal(4, large.Count);   // the page, the members, their circles, their partnerships with maturity documents
    }
}
