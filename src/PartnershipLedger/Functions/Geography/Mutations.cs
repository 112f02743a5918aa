using GraphQL.Types;
using PartnershipLedger.Graph;
using PartnershipLedger.Partnerships;

namespace PartnershipLedger.Functions.Geography;

public static class Mutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.AddCommand<RecordMarketAccess, RecordMarketAccessInput, PartnershipPayloadGraphType>(
            "recordMarketAccess", "Records that a member gained access to a market in another geography through a partner (evidence for geography at the proactive level).");
        mutation.AddCommand<AdoptCoveragePlan, AdoptCoveragePlanInput, PartnershipPayloadGraphType>(
            "adoptCoveragePlan", "Records that the partners adopted a plan to cover several markets together (evidence for geography at the dynamic level).");
    }
}
