using GraphQL.Types;
using PartnershipLedger.Graph;
using PartnershipLedger.Partnerships;

namespace PartnershipLedger.Functions.ProductAndCustomerSupport;

public static class Mutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.AddCommand<LogSupportCase, LogSupportCaseInput, PartnershipPayloadGraphType>(
            "logSupportCase", "Logs a customer or product issue the partners track together; the eventId answered identifies the case (evidence for product and customer support: tracking issues as customers report them is reactive).");
        mutation.AddCommand<ResolveSupportCase, ResolveSupportCaseInput, PartnershipPayloadGraphType>(
            "resolveSupportCase", "Records that a logged support case was resolved, once (evidence for product and customer support; resolving proactively is dynamic).");
        mutation.AddCommand<AssignSupportContact, AssignSupportContactInput, PartnershipPayloadGraphType>(
            "assignSupportContact", "Records a member organization's single point of contact for support (evidence for product and customer support at the proactive level).");
        mutation.AddCommand<HoldSupportReview, HoldSupportReviewInput, PartnershipPayloadGraphType>(
            "holdSupportReview", "Records a scheduled meeting to review customer and product issues (evidence for product and customer support at the proactive level).");
        mutation.AddCommand<AdoptSharedCrm, AdoptSharedCrmInput, PartnershipPayloadGraphType>(
            "adoptSharedCrm", "Records that the partners adopted a shared CRM to track and resolve issues (evidence for product and customer support at the dynamic level).");
    }
}
