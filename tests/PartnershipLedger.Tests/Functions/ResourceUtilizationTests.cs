using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Functions;

public sealed class ResourceUtilizationTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task Subcontracted_resources_are_recorded_from_one_member_to_another()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("subcontractResources",
            new { partnershipId = partnership.PartnershipId, fromOrganizationId = partnership.Second, toOrganizationId = partnership.First, competency = "Azure architecture", opportunity = "Volvo migration" },
            partnership.FirstUser);

        Assert.Equal(2, response.Data("subcontractResources").GetProperty("version").GetInt32());
        var recorded = (await Host.TimelineAsync(partnership.PartnershipId))[^1];
        Assert.Equal("ResourcesSubcontracted", recorded.GetProperty("type").GetString());
        Assert.Equal(partnership.First, recorded.GetProperty("organizationId").GetGuid());
        Assert.Equal($"Resources subcontracted from {partnership.Second} to {partnership.First} (Azure architecture)", recorded.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Subcontracted_resources_need_neither_a_competency_nor_an_opportunity()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("subcontractResources",
            new { partnershipId = partnership.PartnershipId, fromOrganizationId = partnership.Second, toOrganizationId = partnership.First, competency = " " },
            partnership.SecondUser);

        Assert.Equal(2, response.Data("subcontractResources").GetProperty("version").GetInt32());
        var recorded = (await Host.TimelineAsync(partnership.PartnershipId))[^1];
        Assert.Equal(partnership.Second, recorded.GetProperty("organizationId").GetGuid());
        Assert.Equal($"Resources subcontracted from {partnership.Second} to {partnership.First}", recorded.GetProperty("summary").GetString());
    }

    [Theory]
    [InlineData("fromOrganizationId")]
    [InlineData("toOrganizationId")]
    public async Task Subcontracting_with_an_organization_outside_the_partnership_is_refused_and_nothing_is_stored(string outsideField)
    {
        var partnership = await Host.FormPartnershipAsync();
        var outsider = (await Host.OutsiderAsync()).Organization;

        await Host.AssertRefusedAsync(partnership.PartnershipId, "subcontractResources",
            new
            {
                partnershipId = partnership.PartnershipId,
                fromOrganizationId = outsideField == "fromOrganizationId" ? outsider : partnership.First,
                toOrganizationId = outsideField == "toOrganizationId" ? outsider : partnership.Second,
            },
            partnership.FirstUser, outsideField);
    }

    [Fact]
    public async Task Subcontracting_to_the_same_organization_is_refused_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "subcontractResources",
            new { partnershipId = partnership.PartnershipId, fromOrganizationId = partnership.First, toOrganizationId = partnership.First },
            partnership.FirstUser, "toOrganizationId");
    }

    [Theory]
    [InlineData("competency")]
    [InlineData("opportunity")]
    public async Task A_subcontracting_competency_or_opportunity_too_long_is_refused_and_nothing_is_stored(string field)
    {
        var partnership = await Host.FormPartnershipAsync();
        var tooLong = new string('x', 201);

        await Host.AssertRefusedAsync(partnership.PartnershipId, "subcontractResources",
            new
            {
                partnershipId = partnership.PartnershipId, fromOrganizationId = partnership.Second, toOrganizationId = partnership.First,
                competency = field == "competency" ? tooLong : "Azure",
                opportunity = field == "opportunity" ? tooLong : "Volvo",
            },
            partnership.FirstUser, field);
    }

    [Fact]
    public async Task Shared_resources_are_recorded_with_their_competency_and_whether_for_sales()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("shareResources",
            new { partnershipId = partnership.PartnershipId, fromOrganizationId = partnership.First, toOrganizationId = partnership.Second, competency = "Solution architect", forSales = true },
            partnership.FirstUser);

        Assert.Equal(2, response.Data("shareResources").GetProperty("version").GetInt32());
        var recorded = (await Host.TimelineAsync(partnership.PartnershipId))[^1];
        Assert.Equal("ResourcesShared", recorded.GetProperty("type").GetString());
        Assert.Equal(partnership.First, recorded.GetProperty("organizationId").GetGuid());
        Assert.Equal($"Solution architect resources shared from {partnership.First} to {partnership.Second} for sales", recorded.GetProperty("summary").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Sharing_resources_without_a_competency_is_refused_and_nothing_is_stored(string competency)
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "shareResources",
            new { partnershipId = partnership.PartnershipId, fromOrganizationId = partnership.First, toOrganizationId = partnership.Second, competency, forSales = false },
            partnership.FirstUser, "competency");
    }

    [Theory]
    [InlineData("competency")]
    [InlineData("opportunity")]
    public async Task A_shared_competency_or_opportunity_too_long_is_refused_and_nothing_is_stored(string field)
    {
        var partnership = await Host.FormPartnershipAsync();
        var tooLong = new string('x', 201);

        await Host.AssertRefusedAsync(partnership.PartnershipId, "shareResources",
            new
            {
                partnershipId = partnership.PartnershipId, fromOrganizationId = partnership.First, toOrganizationId = partnership.Second, forSales = false,
                competency = field == "competency" ? tooLong : "Security",
                opportunity = field == "opportunity" ? tooLong : "Volvo",
            },
            partnership.FirstUser, field);
    }

    [Theory]
    [InlineData("fromOrganizationId")]
    [InlineData("toOrganizationId")]
    public async Task Sharing_resources_with_an_organization_outside_the_partnership_is_refused_and_nothing_is_stored(string outsideField)
    {
        var partnership = await Host.FormPartnershipAsync();
        var outsider = (await Host.OutsiderAsync()).Organization;

        await Host.AssertRefusedAsync(partnership.PartnershipId, "shareResources",
            new
            {
                partnershipId = partnership.PartnershipId, competency = "Security", forSales = false,
                fromOrganizationId = outsideField == "fromOrganizationId" ? outsider : partnership.First,
                toOrganizationId = outsideField == "toOrganizationId" ? outsider : partnership.Second,
            },
            partnership.FirstUser, outsideField);
    }

    [Fact]
    public async Task Sharing_resources_with_the_same_organization_is_refused_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "shareResources",
            new { partnershipId = partnership.PartnershipId, fromOrganizationId = partnership.Second, toOrganizationId = partnership.Second, competency = "Security", forSales = true },
            partnership.SecondUser, "toOrganizationId");
    }

    [Fact]
    public async Task A_two_way_rate_card_is_agreed()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("agreeRateCard",
            new { partnershipId = partnership.PartnershipId, twoWay = true, description = "Nordic rates for architects and developers" }, partnership.SecondUser);

        Assert.Equal(2, response.Data("agreeRateCard").GetProperty("version").GetInt32());
        var recorded = (await Host.TimelineAsync(partnership.PartnershipId))[^1];
        Assert.Equal("RateCardAgreed", recorded.GetProperty("type").GetString());
        Assert.Equal(partnership.Second, recorded.GetProperty("organizationId").GetGuid());
        Assert.Equal("Two-way rate card agreed", recorded.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task A_rate_card_description_too_long_is_refused_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "agreeRateCard",
            new { partnershipId = partnership.PartnershipId, twoWay = false, description = new string('x', 2001) }, partnership.FirstUser, "description");
    }

    [Fact]
    public async Task A_joint_resource_plan_is_adopted_for_its_distinct_competencies()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("adoptJointResourcePlan",
            new { partnershipId = partnership.PartnershipId, competencies = new[] { "Data platform", "Security", "DATA PLATFORM" } }, partnership.FirstUser);

        Assert.Equal(2, response.Data("adoptJointResourcePlan").GetProperty("version").GetInt32());
        var recorded = (await Host.TimelineAsync(partnership.PartnershipId))[^1];
        Assert.Equal("JointResourcePlanAdopted", recorded.GetProperty("type").GetString());
        Assert.Equal(partnership.First, recorded.GetProperty("organizationId").GetGuid());
        Assert.Equal("Joint resource plan adopted for Data platform, Security", recorded.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task A_joint_resource_plan_of_a_single_competency_is_refused_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "adoptJointResourcePlan",
            new { partnershipId = partnership.PartnershipId, competencies = new[] { "Security", "security" } }, partnership.FirstUser, "competencies");
    }

    [Fact]
    public async Task A_blank_competency_in_a_joint_resource_plan_is_refused_by_its_position_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "adoptJointResourcePlan",
            new { partnershipId = partnership.PartnershipId, competencies = new[] { " ", "Security", "Data platform" } }, partnership.FirstUser, "competencies[0]");
    }

    [Fact]
    public async Task A_competency_too_long_in_a_joint_resource_plan_is_refused_by_its_position_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "adoptJointResourcePlan",
            new { partnershipId = partnership.PartnershipId, competencies = new[] { "Security", "Data platform", new string('x', 201) } }, partnership.FirstUser, "competencies[2]");
    }

    [Fact]
    public async Task A_joint_resource_plan_of_more_than_fifty_competencies_is_refused_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.AssertRefusedAsync(partnership.PartnershipId, "adoptJointResourcePlan",
            new { partnershipId = partnership.PartnershipId, competencies = Enumerable.Range(1, 51).Select(i => $"Competency {i}").ToArray() }, partnership.FirstUser, "competencies");
    }

    [Fact]
    public async Task An_organization_outside_the_partnership_cannot_agree_its_rate_card()
    {
        var partnership = await Host.FormPartnershipAsync();
        var outsider = await Host.OutsiderAsync();

        await Host.AssertOutOfReachAsync(partnership.PartnershipId, "agreeRateCard",
            new { partnershipId = partnership.PartnershipId, twoWay = true }, outsider);
    }
}
