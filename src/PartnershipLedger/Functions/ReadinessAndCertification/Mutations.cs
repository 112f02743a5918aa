using GraphQL.Types;
using PartnershipLedger.Graph;
using PartnershipLedger.Partnerships;

namespace PartnershipLedger.Functions.ReadinessAndCertification;

public static class Mutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.AddCommand<HoldJointTraining, HoldJointTrainingInput, PartnershipPayloadGraphType>(
            "holdJointTraining", "Records a training the partners took together (evidence for readiness and certification; training in overlapping areas is proactive).");
        mutation.AddCommand<AgreeCertificationPlan, AgreeCertificationPlanInput, PartnershipPayloadGraphType>(
            "agreeCertificationPlan", "Records that the partners agreed a formal plan of certifications to earn (evidence for readiness and certification at the dynamic level).");
        mutation.AddCommand<RecordCertificationEarned, RecordCertificationEarnedInput, PartnershipPayloadGraphType>(
            "recordCertificationEarned", "Records that a member organization earned a certification (evidence for readiness and certification).");
    }
}
