using PartnershipLedger.Functions.LeadsAndPipeline;
using PartnershipLedger.Partnerships;
using static PartnershipLedger.Tests.Decisions.Given;

namespace PartnershipLedger.Tests.Decisions;

public sealed class ShareLeadTests
{
    private static readonly DateTimeOffset When = FormedAt.AddMonths(2);

    [Fact]
    public void A_lead_for_a_named_interested_customer_is_shared()
    {
        var decision = Decision(When);

        var events = new ShareLead(Contoso, Fabrikam, "  Welder Worldwide ", true, 66000, null).Decide(Partnership(), decision).ToList();

        Assert.Empty(decision.Problems);
        var shared = Assert.IsType<LeadShared>(Assert.Single(events));
        Assert.Equal("Welder Worldwide", shared.Customer);
        Assert.Equal(When, shared.OccurredAt);
    }

    [Theory]
    [InlineData(null, true, "customer")]
    [InlineData(" ", true, "customer")]
    [InlineData("Truck Range", false, "interestExpressed")]
    public void A_reversed_lead_is_refused(string? customer, bool interest, string field)
    {
        var decision = Decision(When);

        _ = new ShareLead(Contoso, Fabrikam, customer, interest, null, null).Decide(Partnership(), decision).ToList();

        var problem = Assert.Single(decision.Problems);
        Assert.Equal(field, problem.Field);
        Assert.Contains("reversed lead", problem.Message);
    }

    [Fact]
    public void A_retracted_lead_can_no_longer_be_accepted()
    {
        var lead = Guid.NewGuid();
        var partnership = Partnership(
            (lead, new LeadShared(PartnershipId, Contoso, Fabrikam, "Green & Finley", true, null, null, When)),
            (Guid.NewGuid(), new EventRetracted(PartnershipId, lead, nameof(LeadShared), "wrong partnership", When.AddDays(1))));
        var decision = Decision(When.AddDays(2), actor: Fabrikam);

        Assert.Empty(new AcceptLead(lead).Decide(partnership, decision));
        Assert.Equal("leadId", Assert.Single(decision.Problems).Field);
    }
}
