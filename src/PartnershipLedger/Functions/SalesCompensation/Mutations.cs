using GraphQL.Types;
using PartnershipLedger.Graph;
using PartnershipLedger.Partnerships;

namespace PartnershipLedger.Functions.SalesCompensation;

public static class Mutations
{
    public static void AddTo(ObjectGraphType mutation) =>
        mutation.AddCommand<RecordCompensationPlan, RecordCompensationPlanInput, PartnershipPayloadGraphType>(
            "recordCompensationPlan", "Records the partnership's sales compensation plan for partnering (evidence for sales compensation).");
}
