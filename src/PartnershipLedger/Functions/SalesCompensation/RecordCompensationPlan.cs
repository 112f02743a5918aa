using GraphQL.Types;
using Marten;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Functions.SalesCompensation;

/// <summary>How the partners pay their sales people for partnering: ad hoc, deal-specific, referral, project-based or campaign-based.</summary>
public sealed record RecordCompensationPlan(CompensationModel Model, bool Published, bool SharedIncentives, string? Description) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        yield return new CompensationPlanRecorded(partnership.Id, Model, Published, SharedIncentives, decision.Text("description", Description), decision.OccurredAt);
    }
}

public static class RecordCompensationPlanHandler
{
    public static Task<Recorded> Handle(RecordCompensationPlan command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class CompensationModelGraphType : EnumerationGraphType<CompensationModel>
{
    public CompensationModelGraphType()
    {
        Name = "CompensationModel";
        Description = "How partnering is compensated: AD_HOC and DEAL_SPECIFIC (reactive), REFERRAL and PROJECT_BASED (proactive), CAMPAIGN_BASED (dynamic).";
    }
}

public sealed class RecordCompensationPlanInput : PartnershipCommandInputGraphType<RecordCompensationPlan>
{
    public RecordCompensationPlanInput() : base("RecordCompensationPlanInput", "A sales compensation plan for partnering.")
    {
        Field(x => x.Model, type: typeof(NonNullGraphType<CompensationModelGraphType>)).Description("The compensation model.");
        Field(x => x.Published).Description("Whether the plan is published to the sales teams (fair and equal to the participants).");
        Field(x => x.SharedIncentives).Description("Whether there are joint incentives shared across the teams.");
        Field(x => x.Description, nullable: true).Description("What the plan says.");
        AddCommonFields();
    }
}
