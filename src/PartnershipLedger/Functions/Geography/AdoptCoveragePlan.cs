using GraphQL.Types;
using Marten;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Functions.Geography;

/// <summary>
/// A plan to use the partnership strategically for geographical coverage. The dynamic level is coverage
/// across several markets, so a plan names two or more different markets.
/// </summary>
public sealed record AdoptCoveragePlan(IReadOnlyList<string> Markets) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        var markets = decision.Texts("markets", Markets).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        decision.Require(markets.Count >= 2, "markets", "A coverage plan covers several markets: name two or more different markets.");
        yield return new CoveragePlanAdopted(partnership.Id, markets, decision.OccurredAt);
    }
}

public static class AdoptCoveragePlanHandler
{
    public static Task<Recorded> Handle(AdoptCoveragePlan command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class AdoptCoveragePlanInput : PartnershipCommandInputGraphType<AdoptCoveragePlan>
{
    public AdoptCoveragePlanInput() : base("AdoptCoveragePlanInput", "A plan the partners adopted to cover several markets together.")
    {
        Field(x => x.Markets).Description("The markets the plan covers, e.g. 'Sweden', 'Norway' (two or more; the same market twice counts once).");
        AddCommonFields();
    }
}
