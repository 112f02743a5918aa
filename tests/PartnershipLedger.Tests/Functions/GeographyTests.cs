using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Functions;

public sealed class GeographyTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task Market_access_is_recorded_for_one_member_through_another()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("recordMarketAccess",
            new { partnershipId = partnership.PartnershipId, market = "Norway", forOrganizationId = partnership.First, throughOrganizationId = partnership.Second },
            partnership.FirstUser);

        Assert.Equal(2, response.Data("recordMarketAccess").GetProperty("version").GetInt32());
        var recorded = (await Host.TimelineAsync(partnership.PartnershipId))[^1];
        Assert.Equal("MarketAccessGained", recorded.GetProperty("type").GetString());
        Assert.Equal(partnership.First, recorded.GetProperty("organizationId").GetGuid());
        Assert.Equal($"Access to Norway gained for {partnership.First} through {partnership.Second}", recorded.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Market_access_without_a_market_is_refused_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "recordMarketAccess",
            new { partnershipId = partnership.PartnershipId, market = " ", forOrganizationId = partnership.First, throughOrganizationId = partnership.Second },
            partnership.FirstUser, "market");
    }

    [Fact]
    public async Task A_market_name_too_long_is_refused_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "recordMarketAccess",
            new { partnershipId = partnership.PartnershipId, market = new string('x', 201), forOrganizationId = partnership.First, throughOrganizationId = partnership.Second },
            partnership.FirstUser, "market");
    }

    [Fact]
    public async Task Market_access_for_an_organization_outside_the_partnership_is_refused_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();
        var outsider = await Host.OutsiderAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "recordMarketAccess",
            new { partnershipId = partnership.PartnershipId, market = "Norway", forOrganizationId = outsider.Organization, throughOrganizationId = partnership.Second },
            partnership.FirstUser, "forOrganizationId");
    }

    [Fact]
    public async Task Market_access_through_an_organization_outside_the_partnership_is_refused_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();
        var outsider = await Host.OutsiderAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "recordMarketAccess",
            new { partnershipId = partnership.PartnershipId, market = "Norway", forOrganizationId = partnership.First, throughOrganizationId = outsider.Organization },
            partnership.FirstUser, "throughOrganizationId");
    }

    [Fact]
    public async Task Market_access_through_the_same_organization_is_refused_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "recordMarketAccess",
            new { partnershipId = partnership.PartnershipId, market = "Norway", forOrganizationId = partnership.First, throughOrganizationId = partnership.First },
            partnership.FirstUser, "throughOrganizationId");
    }

    [Fact]
    public async Task A_coverage_plan_is_adopted_for_its_distinct_markets()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("adoptCoveragePlan",
            new { partnershipId = partnership.PartnershipId, markets = new[] { " Sweden", "Norway", "sweden" } }, partnership.SecondUser);

        Assert.Equal(2, response.Data("adoptCoveragePlan").GetProperty("version").GetInt32());
        var recorded = (await Host.TimelineAsync(partnership.PartnershipId))[^1];
        Assert.Equal("CoveragePlanAdopted", recorded.GetProperty("type").GetString());
        Assert.Equal(partnership.Second, recorded.GetProperty("organizationId").GetGuid());
        Assert.Equal("Coverage plan adopted for Sweden, Norway", recorded.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task A_coverage_plan_of_a_single_market_is_refused_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "adoptCoveragePlan",
            new { partnershipId = partnership.PartnershipId, markets = new[] { "Norway" } }, partnership.FirstUser, "markets");
    }

    [Fact]
    public async Task A_coverage_plan_naming_one_market_twice_is_refused_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "adoptCoveragePlan",
            new { partnershipId = partnership.PartnershipId, markets = new[] { "Norway", "NORWAY " } }, partnership.FirstUser, "markets");
    }

    [Fact]
    public async Task A_blank_market_in_a_coverage_plan_is_refused_by_its_position_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "adoptCoveragePlan",
            new { partnershipId = partnership.PartnershipId, markets = new[] { "Norway", "Sweden", "" } }, partnership.FirstUser, "markets[2]");
    }

    [Fact]
    public async Task A_market_too_long_in_a_coverage_plan_is_refused_by_its_position_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "adoptCoveragePlan",
            new { partnershipId = partnership.PartnershipId, markets = new[] { new string('x', 201), "Norway", "Sweden" } }, partnership.FirstUser, "markets[0]");
    }

    [Fact]
    public async Task A_coverage_plan_of_more_than_fifty_markets_is_refused_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "adoptCoveragePlan",
            new { partnershipId = partnership.PartnershipId, markets = Enumerable.Range(1, 51).Select(i => $"Market {i}").ToArray() }, partnership.FirstUser, "markets");
    }

    [Fact]
    public async Task An_organization_outside_the_partnership_cannot_adopt_its_coverage_plan()
    {
        var partnership = await Host.FormPartnershipAsync();
        var outsider = await Host.OutsiderAsync();

        await Host.AssertOutOfReachAsync(partnership.PartnershipId, "adoptCoveragePlan",
            new { partnershipId = partnership.PartnershipId, markets = new[] { "Norway", "Sweden" } }, outsider);
    }
}
