using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Functions;

public sealed class SelfAssessmentTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task A_member_assesses_itself_and_the_answers_are_scored_by_the_published_bands()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.RecordAsync("recordSelfAssessment", new
        {
            partnershipId = partnership.PartnershipId, organizationId = partnership.First, function = "AGREEMENT",
            answers = new[] { true, true, true, true, true, false, false },
        }, partnership.FirstUser);

        Assert.Contains("self-assessed Agreement: 5 yes, Dynamic", (await Host.TimelineAsync(partnership.PartnershipId))[^1].GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Answers_must_match_the_functions_questionnaire()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("recordSelfAssessment", new
        {
            partnershipId = partnership.PartnershipId, organizationId = partnership.First, function = "GEOGRAPHY", answers = new[] { true },
        }, partnership.FirstUser);

        Assert.Contains("has 11 questions, but 1 answers were given", response.SingleError("VALIDATION").GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_member_cannot_assess_another_member()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("recordSelfAssessment", new
        {
            partnershipId = partnership.PartnershipId, organizationId = partnership.Second, function = "RESOURCE_UTILIZATION",
            answers = new[] { true, true, true, false, false, false },
        }, partnership.FirstUser);

        Assert.Equal("organizationId", response.SingleError("VALIDATION").Field());
    }
}
