using GraphQL.Types;
using Marten;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Functions.ResourceUtilization;

/// <summary>
/// Integrated resource planning across the partners. The dynamic level is planning that covers several
/// competencies, so a plan names two or more different competencies.
/// </summary>
public sealed record AdoptJointResourcePlan(IReadOnlyList<string> Competencies) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        var competencies = decision.Texts("competencies", Competencies).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        decision.Require(competencies.Count >= 2, "competencies", "A joint resource plan covers several competencies: name two or more different competencies.");
        yield return new JointResourcePlanAdopted(partnership.Id, competencies, decision.OccurredAt);
    }
}

public static class AdoptJointResourcePlanHandler
{
    public static Task<Recorded> Handle(AdoptJointResourcePlan command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class AdoptJointResourcePlanInput : PartnershipCommandInputGraphType<AdoptJointResourcePlan>
{
    public AdoptJointResourcePlanInput() : base("AdoptJointResourcePlanInput", "A resource plan the partners adopted together, covering several competencies.")
    {
        Field(x => x.Competencies).Description("The competencies the plan covers, e.g. 'Data platform', 'Security' (two or more; the same competency twice counts once).");
        AddCommonFields();
    }
}
