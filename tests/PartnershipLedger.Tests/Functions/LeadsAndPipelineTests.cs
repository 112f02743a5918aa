using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Functions;

public sealed class LeadsAndPipelineTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static object Lead(TwoPartners p, string? customer = "Acad Group", bool interest = true) => new
    {
        partnershipId = p.PartnershipId, fromOrganizationId = p.First, toOrganizationId = p.Second,
        customer, interestExpressed = interest, estimatedValue = 108000.0, campaign = "Azure migration",
    };

    [Fact]
    public async Task A_lead_for_an_interested_customer_is_shared()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("shareLead", Lead(partnership), partnership.FirstUser);

        Assert.Equal(2, response.Data("shareLead").GetProperty("version").GetInt32());
        var shared = (await Host.TimelineAsync(partnership.PartnershipId))[^1];
        Assert.Equal("LeadShared", shared.GetProperty("type").GetString());
        Assert.Contains("Acad Group", shared.GetProperty("summary").GetString());
        Assert.Contains("108,000", shared.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task A_reversed_lead_with_no_customer_is_refused_with_an_explanation()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("shareLead", Lead(partnership, customer: null), partnership.FirstUser);

        var error = response.SingleError("VALIDATION");
        Assert.Equal("customer", error.Field());
        Assert.Contains("'reversed lead'", error.GetProperty("message").GetString());
        Assert.Contains("no identified customer", error.GetProperty("message").GetString());
        Assert.Equal(["PartnershipFormed"], await Host.EventTypesAsync(partnership.PartnershipId));
    }

    [Fact]
    public async Task A_lead_whose_customer_has_not_expressed_interest_is_a_reversed_lead_too()
    {
        var partnership = await Host.FormPartnershipAsync();

        var response = await Host.RecordAsync("shareLead", Lead(partnership, interest: false), partnership.FirstUser);

        Assert.Equal("interestExpressed", response.SingleError("VALIDATION").Field());
    }

    [Fact]
    public async Task A_lead_goes_between_two_different_members()
    {
        var partnership = await Host.FormPartnershipAsync();
        var outsider = Guid.NewGuid();

        var response = await Host.RecordAsync("shareLead", new
        {
            partnershipId = partnership.PartnershipId, fromOrganizationId = outsider, toOrganizationId = outsider,
            customer = "Smith Equipment", interestExpressed = true, estimatedValue = -1.0,
        }, partnership.FirstUser);

        Assert.Equal(["estimatedValue", "fromOrganizationId", "toOrganizationId", "toOrganizationId"], response.Errors().Select(e => e.Field()).Order());
    }

    [Fact]
    public async Task Only_the_receiver_accepts_a_lead_and_only_once()
    {
        var partnership = await Host.FormPartnershipAsync();
        var lead = await Host.RecordedEventAsync("shareLead", Lead(partnership), partnership.FirstUser);

        var byGiver = await Host.RecordAsync("acceptLead", new { partnershipId = partnership.PartnershipId, leadId = lead }, partnership.FirstUser);
        await Host.RecordAsync("acceptLead", new { partnershipId = partnership.PartnershipId, leadId = lead }, partnership.SecondUser);
        var twice = await Host.RecordAsync("declineLead", new { partnershipId = partnership.PartnershipId, leadId = lead }, partnership.SecondUser);
        var unknown = await Host.RecordAsync("acceptLead", new { partnershipId = partnership.PartnershipId, leadId = Guid.NewGuid() }, partnership.SecondUser);

        Assert.Contains("Only the member the lead was shared with", byGiver.SingleError("VALIDATION").GetProperty("message").GetString());
        Assert.Contains("already accepted", twice.SingleError("VALIDATION").GetProperty("message").GetString());
        Assert.Equal("leadId", unknown.SingleError("VALIDATION").Field());
    }

    [Fact]
    public async Task An_accepted_lead_moves_through_the_pipeline_until_it_is_won()
    {
        var partnership = await Host.FormPartnershipAsync();
        var id = partnership.PartnershipId;
        var lead = await Host.RecordedEventAsync("shareLead", Lead(partnership), partnership.FirstUser);

        var notAccepted = await Host.RecordAsync("changeOpportunityStage", new { partnershipId = id, leadId = lead, stage = "ASSESSMENT" }, partnership.SecondUser);
        await Host.RecordAsync("acceptLead", new { partnershipId = id, leadId = lead }, partnership.SecondUser);
        foreach (var stage in new[] { "ASSESSMENT", "PROPOSAL", "CONTRACTS", "WON" })
            (await Host.RecordAsync("changeOpportunityStage", new { partnershipId = id, leadId = lead, stage, contact = "Sally Jones", forecastAmount = 108000.0 }, partnership.SecondUser))
                .Data("changeOpportunityStage");
        var afterWon = await Host.RecordAsync("changeOpportunityStage", new { partnershipId = id, leadId = lead, stage = "LOST" }, partnership.SecondUser);

        Assert.Contains("accept it first", notAccepted.SingleError("VALIDATION").GetProperty("message").GetString());
        Assert.Contains("closed", afterWon.SingleError("VALIDATION").GetProperty("message").GetString());
        Assert.Equal(4, (await Host.EventTypesAsync(id)).Count(type => type == "OpportunityStageChanged"));
    }

    [Fact]
    public async Task A_pipeline_review_is_recorded()
    {
        var partnership = await Host.FormPartnershipAsync();

        await Host.RecordAsync("holdPipelineReview", new { partnershipId = partnership.PartnershipId, inPerson = true }, partnership.SecondUser);

        Assert.Contains("in person", (await Host.TimelineAsync(partnership.PartnershipId))[^1].GetProperty("summary").GetString());
    }
}
