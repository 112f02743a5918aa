using Marten;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Functions.JointBusinessPlanning;

/// <summary>The partners met to explore joint opportunities; the rhythm of these meetings is watched (001: quarterly is good, monthly great, weekly nirvana).</summary>
public sealed record HoldPartnerMeeting(bool InPerson, string? Topic) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        yield return new PartnerMeetingHeld(partnership.Id, InPerson, decision.Text("topic", Topic, Limits.Name), decision.OccurredAt);
    }
}

public static class HoldPartnerMeetingHandler
{
    public static Task<Recorded> Handle(HoldPartnerMeeting command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class HoldPartnerMeetingInput : PartnershipCommandInputGraphType<HoldPartnerMeeting>
{
    public HoldPartnerMeetingInput() : base("HoldPartnerMeetingInput", "A meeting of the partners.")
    {
        Field(x => x.InPerson).Description("Whether they met in person (rather than remotely).");
        Field(x => x.Topic, nullable: true).Description("What it was about.");
        AddCommonFields();
    }
}
