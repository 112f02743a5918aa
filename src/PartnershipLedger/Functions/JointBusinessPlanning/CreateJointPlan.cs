using GraphQL.Types;
using Marten;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Functions.JointBusinessPlanning;

/// <summary>A joint business plan: ad hoc (reactive), activity-based with KPIs (proactive) or annual (dynamic).</summary>
public sealed record CreateJointPlan(string Horizon, IReadOnlyList<string>? Kpis, string? Title) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        var horizon = Horizon?.Trim().ToUpperInvariant() switch
        {
            "AD_HOC" => JointPlanHorizon.AdHoc,
            "ACTIVITY" => JointPlanHorizon.Activity,
            "ANNUAL" => JointPlanHorizon.Annual,
            _ => (JointPlanHorizon?)null,
        };
        decision.Require(horizon is not null, "horizon", $"horizon '{Horizon}' is not one of AD_HOC, ACTIVITY, ANNUAL.");
        yield return new JointPlanCreated(partnership.Id, horizon ?? JointPlanHorizon.AdHoc, decision.Text("title", Title, Limits.Name),
            decision.Texts("kpis", Kpis), decision.OccurredAt);
    }
}

public static class CreateJointPlanHandler
{
    public static Task<Recorded> Handle(CreateJointPlan command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class CreateJointPlanInput : PartnershipCommandInputGraphType<CreateJointPlan>
{
    public CreateJointPlanInput() : base("CreateJointPlanInput", "A joint business plan the partners made.")
    {
        Field(x => x.Horizon).Description("AD_HOC (an ad-hoc plan), ACTIVITY (activity-based, with KPIs) or ANNUAL (an annual plan, followed up regularly).");
        Field(x => x.Kpis, nullable: true).Description("The KPIs the plan sets, e.g. 'joint pipeline 1M USD'.");
        Field(x => x.Title, nullable: true).Description("The plan's title.");
        AddCommonFields();
    }
}
