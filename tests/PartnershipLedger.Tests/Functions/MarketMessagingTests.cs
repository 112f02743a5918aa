using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Functions;

public sealed class MarketMessagingTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task A_joint_marketing_activity_is_recorded_with_its_kind()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("recordJointMarketingActivity",
            new { partnershipId = partnership.PartnershipId, kind = "JOINT_EVENT", description = "  Joint booth at the Nordic Cloud Summit " },
            partnership.SecondUser);

        Assert.Equal(2, response.Data("recordJointMarketingActivity").GetProperty("version").GetInt32());
        var recorded = (await Host.TimelineAsync(partnership.PartnershipId))[^1];
        Assert.Equal("JointMarketingActivityRecorded", recorded.GetProperty("type").GetString());
        Assert.Equal(partnership.Second, recorded.GetProperty("organizationId").GetGuid());
        Assert.Equal("Joint marketing (JointEvent): Joint booth at the Nordic Cloud Summit", recorded.GetProperty("summary").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_joint_marketing_activity_without_a_description_is_refused_and_nothing_is_stored(string description)
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "recordJointMarketingActivity",
            new { partnershipId = partnership.PartnershipId, kind = "ON_REQUEST", description }, partnership.FirstUser, "description");
    }

    [Fact]
    public async Task A_joint_marketing_activity_description_too_long_is_refused_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "recordJointMarketingActivity",
            new { partnershipId = partnership.PartnershipId, kind = "JOINT_CAMPAIGN", description = new string('x', 2001) }, partnership.FirstUser, "description");
    }

    [Fact]
    public async Task A_joint_marketing_plan_is_adopted_with_its_distinct_measures()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("adoptJointMarketingPlan",
            new { partnershipId = partnership.PartnershipId, title = "Joint marketing plan 2025", measures = new[] { "Leads from joint events", "Web visits", "leads from joint events" } },
            partnership.FirstUser);

        Assert.Equal(2, response.Data("adoptJointMarketingPlan").GetProperty("version").GetInt32());
        var recorded = (await Host.TimelineAsync(partnership.PartnershipId))[^1];
        Assert.Equal("JointMarketingPlanAdopted", recorded.GetProperty("type").GetString());
        Assert.Equal(partnership.First, recorded.GetProperty("organizationId").GetGuid());
        Assert.Equal("Joint marketing plan 'Joint marketing plan 2025' adopted with 2 measures", recorded.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task A_joint_marketing_plan_without_a_measure_is_refused_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "adoptJointMarketingPlan",
            new { partnershipId = partnership.PartnershipId, title = "Plan", measures = Array.Empty<string>() }, partnership.FirstUser, "measures");
    }

    [Fact]
    public async Task A_joint_marketing_plan_without_a_title_is_refused_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "adoptJointMarketingPlan",
            new { partnershipId = partnership.PartnershipId, title = " ", measures = new[] { "Web visits" } }, partnership.FirstUser, "title");
    }

    [Fact]
    public async Task A_joint_marketing_plan_title_too_long_is_refused_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "adoptJointMarketingPlan",
            new { partnershipId = partnership.PartnershipId, title = new string('x', 201), measures = new[] { "Web visits" } }, partnership.FirstUser, "title");
    }

    [Fact]
    public async Task A_blank_measure_is_refused_by_its_position_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "adoptJointMarketingPlan",
            new { partnershipId = partnership.PartnershipId, title = "Plan", measures = new[] { "Web visits", " " } }, partnership.FirstUser, "measures[1]");
    }

    [Fact]
    public async Task A_measure_too_long_is_refused_by_its_position_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "adoptJointMarketingPlan",
            new { partnershipId = partnership.PartnershipId, title = "Plan", measures = new[] { new string('x', 201) } }, partnership.FirstUser, "measures[0]");
    }

    [Fact]
    public async Task More_than_fifty_measures_are_refused_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "adoptJointMarketingPlan",
            new { partnershipId = partnership.PartnershipId, title = "Plan", measures = Enumerable.Range(1, 51).Select(i => $"Measure {i}").ToArray() },
            partnership.FirstUser, "measures");
    }

    [Fact]
    public async Task An_organization_outside_the_partnership_cannot_record_its_marketing()
    {
        var partnership = await Host.FormPartnershipAsync();
        var outsider = await Host.OutsiderAsync();

        await Host.AssertOutOfReachAsync(partnership.PartnershipId, "recordJointMarketingActivity",
            new { partnershipId = partnership.PartnershipId, kind = "PARTNER_RECOGNITION", description = "Logo on our website" }, outsider);
    }
}
