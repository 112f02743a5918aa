using GraphQL.Types;
using Marten;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Functions.ResourceUtilization;

/// <summary>Predefined rates for the people the partners share, ideally applying in both directions.</summary>
public sealed record AgreeRateCard(bool TwoWay, string? Description) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        yield return new RateCardAgreed(partnership.Id, TwoWay, decision.Text("description", Description), decision.OccurredAt);
    }
}

public static class AgreeRateCardHandler
{
    public static Task<Recorded> Handle(AgreeRateCard command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class AgreeRateCardInput : PartnershipCommandInputGraphType<AgreeRateCard>
{
    public AgreeRateCardInput() : base("AgreeRateCardInput", "A rate card the partners agreed for the people they subcontract or share.")
    {
        Field(x => x.TwoWay).Description("Whether the same rates apply in both directions, whoever provides the people.");
        Field(x => x.Description, nullable: true).Description("What the rate card covers, e.g. roles, rates and geographies.");
        AddCommonFields();
    }
}
