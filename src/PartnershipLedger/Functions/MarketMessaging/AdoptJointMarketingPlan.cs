using GraphQL.Types;
using Marten;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Functions.MarketMessaging;

/// <summary>
/// A joint marketing plan the partners adopted. The dynamic level asks for a plan that is executed and
/// measured, so a plan without a single measure is refused.
/// </summary>
public sealed record AdoptJointMarketingPlan(string Title, IReadOnlyList<string> Measures) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        var title = decision.RequiredText("title", Title, Limits.Name);
        var measures = decision.Texts("measures", Measures).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        decision.Require(measures.Count >= 1, "measures", "A joint marketing plan needs at least one measure: the plan is executed and measured.");
        yield return new JointMarketingPlanAdopted(partnership.Id, title, measures, decision.OccurredAt);
    }
}

public static class AdoptJointMarketingPlanHandler
{
    public static Task<Recorded> Handle(AdoptJointMarketingPlan command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class AdoptJointMarketingPlanInput : PartnershipCommandInputGraphType<AdoptJointMarketingPlan>
{
    public AdoptJointMarketingPlanInput() : base("AdoptJointMarketingPlanInput", "A joint marketing plan the partners adopted, with how its success is measured.")
    {
        Field(x => x.Title).Description("The plan's name, e.g. 'Joint marketing plan 2025'.");
        Field(x => x.Measures).Description("How the plan's success is measured, e.g. 'Leads from joint events' (at least one; the same measure twice counts once).");
        AddCommonFields();
    }
}
