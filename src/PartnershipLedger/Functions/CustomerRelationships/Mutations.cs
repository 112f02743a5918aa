using GraphQL.Types;
using PartnershipLedger.Graph;
using PartnershipLedger.Partnerships;

namespace PartnershipLedger.Functions.CustomerRelationships;

public static class Mutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.AddCommand<HoldCustomerMeeting, HoldCustomerMeetingInput, PartnershipPayloadGraphType>(
            "holdCustomerMeeting", "Records a 1:1 meeting with a customer about their partnering experience (evidence for customer relationships and satisfaction at the reactive level).");
        mutation.AddCommand<LogCsatSurvey, LogCsatSurveyInput, PartnershipPayloadGraphType>(
            "logCsatSurvey", "Records a customer satisfaction survey about a joint project (evidence for customer relationships and satisfaction at the proactive level).");
        mutation.AddCommand<ShareCustomerReference, ShareCustomerReferenceInput, PartnershipPayloadGraphType>(
            "shareCustomerReference", "Records that one member shared a customer reference with another (evidence for customer relationships and satisfaction at the proactive level).");
        mutation.AddCommand<TakeJointOwnershipOfCustomerIssue, TakeJointOwnershipOfCustomerIssueInput, PartnershipPayloadGraphType>(
            "takeJointOwnershipOfCustomerIssue", "Records that the partners took shared responsibility for a customer's issue regardless of fault (evidence for customer relationships and satisfaction at the dynamic level).");
    }
}
