using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Functions;

public sealed class CustomerSatisfactionTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task A_csat_survey_is_logged_with_one_answer_per_template_question()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("logCsatSurvey", new
        {
            partnershipId = partnership.PartnershipId, customer = "Welder Worldwide", project = "ERP roll-out",
            answers = new[] { "MORE_THAN_EXPECTED", "AS_EXPECTED", "AS_EXPECTED", "CONSISTENTLY_MORE", "AS_EXPECTED", "MORE_THAN_EXPECTED" },
        }, partnership.SecondUser);

        response.Data("logCsatSurvey");
        Assert.Contains("(6 answers)", (await Host.TimelineAsync(partnership.PartnershipId))[^1].GetProperty("summary").GetString());
    }

    [Fact]
    public async Task A_survey_not_matching_the_template_is_refused()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("logCsatSurvey", new
        {
            partnershipId = partnership.PartnershipId, customer = "Welder Worldwide", project = "",
            answers = new[] { "AS_EXPECTED" },
        }, partnership.SecondUser);

        Assert.Equal(["answers", "project"], response.Errors().Select(e => e.Field()).Order());
        Assert.Contains("1, 1a, 1b, 1c, 2, 2a", response.Errors().First(e => e.Field() == "answers").GetProperty("message").GetString());
    }
}
