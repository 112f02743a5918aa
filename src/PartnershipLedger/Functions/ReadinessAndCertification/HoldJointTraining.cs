using GraphQL.Types;
using Marten;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Functions.ReadinessAndCertification;

/// <summary>A training the partners' people took together, best in an area where their skills overlap.</summary>
public sealed record HoldJointTraining(string Topic, bool InOverlappingArea) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        yield return new JointTrainingHeld(partnership.Id, decision.RequiredText("topic", Topic, Limits.Name), InOverlappingArea, decision.OccurredAt);
    }
}

public static class HoldJointTrainingHandler
{
    public static Task<Recorded> Handle(HoldJointTraining command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class HoldJointTrainingInput : PartnershipCommandInputGraphType<HoldJointTraining>
{
    public HoldJointTrainingInput() : base("HoldJointTrainingInput", "A training the partners' people took together.")
    {
        Field(x => x.Topic).Description("What the training was about, e.g. 'Microsoft Fabric fundamentals'.");
        Field(x => x.InOverlappingArea).Description("Whether it was in an area where both partners work, so that they can plan who covers what (evidence for the proactive level).");
        AddCommonFields();
    }
}
