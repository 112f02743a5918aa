using GraphQL.Types;
using PartnershipLedger.Graph;
using PartnershipLedger.Partnerships;

namespace PartnershipLedger.Functions.LeadsAndPipeline;

public static class Mutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.AddCommand<ShareLead, ShareLeadInput, PartnershipPayloadGraphType>(
            "shareLead", "Records a lead one member passes to another; its eventId identifies the lead. A 'reversed lead' (no identified, interested customer) is refused.");
        mutation.AddCommand<AcceptLead, AcceptLeadInput, PartnershipPayloadGraphType>(
            "acceptLead", "Records that the receiving member took a lead up.");
        mutation.AddCommand<DeclineLead, DeclineLeadInput, PartnershipPayloadGraphType>(
            "declineLead", "Records that the receiving member turned a lead down.");
        mutation.AddCommand<ChangeOpportunityStage, ChangeOpportunityStageInput, PartnershipPayloadGraphType>(
            "changeOpportunityStage", "Records an accepted lead's move to another pipeline stage.");
        mutation.AddCommand<HoldPipelineReview, HoldPipelineReviewInput, PartnershipPayloadGraphType>(
            "holdPipelineReview", "Records a review of the shared pipeline.");
    }
}
