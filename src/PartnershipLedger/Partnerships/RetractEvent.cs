using GraphQL.Types;
using Marten;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Partnerships;

/// <summary>
/// Corrections, not edits: a mistaken fact is retracted by a new event naming it and why. Both stay in the
/// ledger. Lifecycle facts are not retracted (end or pause the partnership instead), and a fact that later
/// facts build on is retracted only after them.
/// </summary>
public sealed record RetractEvent(Guid EventId, string Reason) : PartnershipCommand
{
    private static readonly HashSet<string> Lifecycle =
        [nameof(PartnershipFormed), nameof(MemberJoined), nameof(MemberLeft), nameof(PartnershipPaused), nameof(PartnershipResumed), nameof(PartnershipEnded), nameof(EventRetracted)];

    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        var reason = decision.RequiredText("reason", Reason);
        if (!partnership.Facts.TryGetValue(EventId, out var fact))
        {
            decision.Require(false, "eventId", $"No event {EventId} was recorded in this partnership.");
            yield break;
        }
        decision.Require(!fact.Retracted, "eventId", $"The {fact.Type} event {EventId} is already retracted.");
        decision.Require(!Lifecycle.Contains(fact.Type), "eventId", $"A {fact.Type} event cannot be retracted: record what happened next instead.");
        var dependents = partnership.Facts.Where(f => f.Value.Subject == EventId && !f.Value.Retracted).Select(f => f.Key).ToList();
        decision.Require(dependents.Count == 0, "eventId",
            $"Later facts refer to the {fact.Type} event {EventId}: retract them first ({string.Join(", ", dependents)}).");
        yield return new EventRetracted(partnership.Id, EventId, fact.Type, reason, decision.OccurredAt);
    }
}

public static class RetractEventHandler
{
    public static Task<Recorded> Handle(RetractEvent command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, command.Decide, cancellation);
}

public sealed class RetractEventInput : PartnershipCommandInputGraphType<RetractEvent>
{
    public RetractEventInput() : base("RetractEventInput", "A correction: retracts an earlier fact of the same partnership, which stays in the ledger marked as retracted.")
    {
        Field(x => x.EventId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The event to retract.");
        Field(x => x.Reason).Description("Why it is retracted.");
        AddCommonFields();
    }
}
