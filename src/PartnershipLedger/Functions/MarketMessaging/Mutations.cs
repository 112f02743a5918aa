using GraphQL.Types;
using PartnershipLedger.Graph;
using PartnershipLedger.Partnerships;

namespace PartnershipLedger.Functions.MarketMessaging;

public static class Mutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.AddCommand<RecordJointMarketingActivity, RecordJointMarketingActivityInput, PartnershipPayloadGraphType>(
            "recordJointMarketingActivity", "Records a marketing activity the partners did with or for each other (evidence for market messaging: reactive when only on request, proactive for partner recognition and website visibility).");
        mutation.AddCommand<AdoptJointMarketingPlan, AdoptJointMarketingPlanInput, PartnershipPayloadGraphType>(
            "adoptJointMarketingPlan", "Records that the partners adopted a measured joint marketing plan (evidence for market messaging at the dynamic level).");
    }
}
