using Marten;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Functions.JointBusinessPlanning;

/// <summary>An executive briefing of the partners' leadership (the playbook's dynamic joint business planning holds one yearly).</summary>
public sealed record HoldExecutiveBriefing(string? Topic) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        yield return new ExecutiveBriefingHeld(partnership.Id, decision.Text("topic", Topic, Limits.Name), decision.OccurredAt);
    }
}

public static class HoldExecutiveBriefingHandler
{
    public static Task<Recorded> Handle(HoldExecutiveBriefing command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class HoldExecutiveBriefingInput : PartnershipCommandInputGraphType<HoldExecutiveBriefing>
{
    public HoldExecutiveBriefingInput() : base("HoldExecutiveBriefingInput", "An executive briefing.")
    {
        Field(x => x.Topic, nullable: true).Description("What it was about.");
        AddCommonFields();
    }
}
