using GraphQL.Types;
using PartnershipLedger.Graph;
using PartnershipLedger.Partnerships;

namespace PartnershipLedger.Functions.JointBusinessPlanning;

public static class Mutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.AddCommand<CreateJointPlan, CreateJointPlanInput, PartnershipPayloadGraphType>(
            "createJointPlan", "Records a joint business plan; its eventId identifies the plan.");
        mutation.AddCommand<ReviewJointPlan, ReviewJointPlanInput, PartnershipPayloadGraphType>(
            "reviewJointPlan", "Records a review (follow-up) of a joint plan.");
        mutation.AddCommand<HoldPartnerMeeting, HoldPartnerMeetingInput, PartnershipPayloadGraphType>(
            "holdPartnerMeeting", "Records a partner meeting, in person or remote.");
        mutation.AddCommand<HoldExecutiveBriefing, HoldExecutiveBriefingInput, PartnershipPayloadGraphType>(
            "holdExecutiveBriefing", "Records an executive briefing.");
    }
}
