using GraphQL.Types;
using Marten;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Functions.Geography;

/// <summary>One member reaching a market where it has no presence of its own, through another member that has.</summary>
public sealed record RecordMarketAccess(string Market, Guid ForOrganizationId, Guid ThroughOrganizationId) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        var market = decision.RequiredText("market", Market, Limits.Name);
        decision.RequireMember(partnership, ForOrganizationId, "forOrganizationId");
        decision.RequireMember(partnership, ThroughOrganizationId, "throughOrganizationId");
        decision.Require(ForOrganizationId != ThroughOrganizationId, "throughOrganizationId",
            "An organization gains access to a market through another member: forOrganizationId and throughOrganizationId must differ.");
        yield return new MarketAccessGained(partnership.Id, market, ForOrganizationId, ThroughOrganizationId, decision.OccurredAt);
    }
}

public static class RecordMarketAccessHandler
{
    public static Task<Recorded> Handle(RecordMarketAccess command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class RecordMarketAccessInput : PartnershipCommandInputGraphType<RecordMarketAccess>
{
    public RecordMarketAccessInput() : base("RecordMarketAccessInput", "A member organization gaining access to a market in another geography through a partner that is present there.")
    {
        Field(x => x.Market).Description("The market reached, e.g. 'Norway' or 'US Midwest'.");
        Field(x => x.ForOrganizationId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The member organization that gained the access.");
        Field(x => x.ThroughOrganizationId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The member organization, present in that market, that opened it (another member).");
        AddCommonFields();
    }
}
