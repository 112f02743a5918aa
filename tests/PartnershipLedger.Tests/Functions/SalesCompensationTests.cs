using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Functions;

public sealed class SalesCompensationTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task A_compensation_plan_is_recorded_with_its_model()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("recordCompensationPlan",
            new { partnershipId = partnership.PartnershipId, model = "CAMPAIGN_BASED", published = true, sharedIncentives = true, description = "Q3 campaign" },
            partnership.SecondUser);

        Assert.Equal(2, response.Data("recordCompensationPlan").GetProperty("version").GetInt32());
        var recorded = (await Host.TimelineAsync(partnership.PartnershipId))[^1];
        Assert.Equal("CompensationPlanRecorded", recorded.GetProperty("type").GetString());
        Assert.Equal(partnership.Second, recorded.GetProperty("organizationId").GetGuid());
    }

    [Fact]
    public async Task A_description_too_long_is_refused_and_nothing_is_stored()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("recordCompensationPlan",
            new { partnershipId = partnership.PartnershipId, model = "REFERRAL", published = false, sharedIncentives = false, description = new string('x', 2001) },
            partnership.FirstUser);

        Assert.Equal("description", response.SingleError("VALIDATION").Field());
        Assert.Equal(["PartnershipFormed"], await Host.EventTypesAsync(partnership.PartnershipId));
    }
}
