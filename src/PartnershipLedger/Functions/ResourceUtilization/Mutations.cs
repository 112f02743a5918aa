using GraphQL.Types;
using PartnershipLedger.Graph;
using PartnershipLedger.Partnerships;

namespace PartnershipLedger.Functions.ResourceUtilization;

public static class Mutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.AddCommand<SubcontractResources, SubcontractResourcesInput, PartnershipPayloadGraphType>(
            "subcontractResources", "Records that people of one member worked as subcontractors for another (evidence for resource utilization: basic, or reactive when for an opportunity).");
        mutation.AddCommand<ShareResources, ShareResourcesInput, PartnershipPayloadGraphType>(
            "shareResources", "Records that one member shared people with a competency with another (evidence for resource utilization; sharing for sales activities is proactive).");
        mutation.AddCommand<AgreeRateCard, AgreeRateCardInput, PartnershipPayloadGraphType>(
            "agreeRateCard", "Records that the partners agreed predefined rates for shared people (evidence for resource utilization at the proactive level).");
        mutation.AddCommand<AdoptJointResourcePlan, AdoptJointResourcePlanInput, PartnershipPayloadGraphType>(
            "adoptJointResourcePlan", "Records that the partners adopted an integrated resource plan covering several competencies (evidence for resource utilization at the dynamic level).");
    }
}
