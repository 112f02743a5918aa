using GraphQL.Types;
using Marten;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Functions.JointBusinessPlanning;

/// <summary>The partners followed up a joint plan; a review at least quarterly is what makes an annual plan dynamic.</summary>
public sealed record ReviewJointPlan(Guid? PlanId, bool? InPerson) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        var plan = PlanId ?? partnership.JointPlans.Where(p => p.Value <= decision.OccurredAt).OrderBy(p => p.Value).Select(p => (Guid?)p.Key).LastOrDefault();
        if (plan is null || !partnership.JointPlans.TryGetValue(plan.Value, out var createdAt))
        {
            decision.Require(false, PlanId is null ? "partnershipId" : "planId",
                PlanId is null ? "There is no joint plan to review: create one first." : $"No joint plan {PlanId} was created in this partnership.");
            yield break;
        }
        decision.NotBefore(createdAt, "the plan was created");
        yield return new JointPlanReviewed(partnership.Id, plan.Value, InPerson ?? false, decision.OccurredAt);
    }
}

public static class ReviewJointPlanHandler
{
    public static Task<Recorded> Handle(ReviewJointPlan command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class ReviewJointPlanInput : PartnershipCommandInputGraphType<ReviewJointPlan>
{
    public ReviewJointPlanInput() : base("ReviewJointPlanInput", "A follow-up of a joint plan.")
    {
        Field(x => x.PlanId, type: typeof(IdGraphType)).Description("The plan reviewed (the eventId createJointPlan returned); defaults to the latest plan.");
        Field(x => x.InPerson, nullable: true).Description("Whether the partners met in person for it.");
        AddCommonFields();
    }
}
