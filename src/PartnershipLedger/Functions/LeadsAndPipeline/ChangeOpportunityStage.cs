using GraphQL.Types;
using Marten;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Functions.LeadsAndPipeline;

/// <summary>An accepted lead moves through the playbook's pipeline stages until it is won or lost.</summary>
public sealed record ChangeOpportunityStage(Guid LeadId, OpportunityStage Stage, string? Contact, decimal? ForecastAmount) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        if (!partnership.Leads.TryGetValue(LeadId, out var lead))
        {
            decision.Require(false, "leadId", $"No lead {LeadId} was shared in this partnership (use the eventId shareLead returned).");
            yield break;
        }
        decision.Require(lead.Status == LeadStatus.Accepted, "leadId", "Only an accepted lead is an opportunity with a stage: accept it first.");
        decision.Require(lead.Stage is not (OpportunityStage.Won or OpportunityStage.Lost), "stage", $"The opportunity is already {lead.Stage}: it is closed.");
        decision.Require(lead.Stage != Stage, "stage", $"The opportunity is already at {Stage}.");
        decision.Require(ForecastAmount is null or >= 0, "forecastAmount", "forecastAmount cannot be negative.");
        decision.NotBefore(lead.Stages.Count > 0 ? lead.Stages[^1].At : lead.SharedAt, "its previous stage change");
        yield return new OpportunityStageChanged(partnership.Id, LeadId, Stage, decision.Text("contact", Contact, Limits.Name), ForecastAmount, decision.OccurredAt);
    }
}

public static class ChangeOpportunityStageHandler
{
    public static Task<Recorded> Handle(ChangeOpportunityStage command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class OpportunityStageGraphType : EnumerationGraphType<OpportunityStage>
{
    public OpportunityStageGraphType()
    {
        Name = "OpportunityStage";
        Description = "The playbook's pipeline stages: OPENING, then 2 - Assessment, 3 - Proposal, 4 - Contracts, and WON or LOST.";
    }
}

public sealed class ChangeOpportunityStageInput : PartnershipCommandInputGraphType<ChangeOpportunityStage>
{
    public ChangeOpportunityStageInput() : base("ChangeOpportunityStageInput", "An opportunity moving to another pipeline stage.")
    {
        Field(x => x.LeadId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The accepted lead (the eventId shareLead returned).");
        Field(x => x.Stage, type: typeof(NonNullGraphType<OpportunityStageGraphType>)).Description("The new stage.");
        Field(x => x.Contact, nullable: true).Description("The customer's contact for it.");
        Field(x => x.ForecastAmount, type: typeof(FloatGraphType)).Description("The forecast amount at this stage.");
        AddCommonFields();
    }
}
