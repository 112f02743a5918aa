using GraphQL.Types;
using PartnershipLedger.Graph;
using PartnershipLedger.Partnerships;

namespace PartnershipLedger.Functions.Agreement;

public static class Mutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.AddCommand<SignAgreement, SignAgreementInput, PartnershipPayloadGraphType>(
            "signAgreement", "Records a signed agreement; its eventId identifies the agreement. Its yearly review falls due a year later.");
        mutation.AddCommand<ReviewAgreement, ReviewAgreementInput, PartnershipPayloadGraphType>(
            "reviewAgreement", "Records the review of an agreement; the next review falls due a year later.");
        mutation.AddCommand<TerminateAgreement, TerminateAgreementInput, PartnershipPayloadGraphType>(
            "terminateAgreement", "Records that an agreement was terminated.");
    }
}
