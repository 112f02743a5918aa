using GraphQL.Types;
using Marten;
using PartnershipLedger.Graph;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Partnerships;

/// <summary>A command that records a fact on an existing partnership.</summary>
public abstract record PartnershipCommand : StreamCommand
{
    public Guid PartnershipId { get; init; }
}

public static class PartnershipRecording
{
    /// <summary>
    /// Records on a partnership what <paramref name="decide"/> decides, after the checks every partnership
    /// fact passes: the acting organization is a member; nothing happens after the partnership ended; nothing
    /// happens before it was formed.
    /// </summary>
    public static Task<Recorded> RecordOnPartnershipAsync(
        this IDocumentSession session,
        PartnershipCommand command,
        TimeProvider clock,
        Func<Partnership, Decision, IEnumerable<object>> decide,
        CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock.GetUtcNow(), decide, cancellation);

    /// <inheritdoc cref="RecordOnPartnershipAsync(IDocumentSession, PartnershipCommand, TimeProvider, Func{Partnership, Decision, IEnumerable{object}}, CancellationToken)"/>
    public static Task<Recorded> RecordOnPartnershipAsync(
        this IDocumentSession session,
        PartnershipCommand command,
        DateTimeOffset now,
        Func<Partnership, Decision, IEnumerable<object>> decide,
        CancellationToken cancellation) =>
        session.RecordAsync<Partnership>(command, command.PartnershipId, now, (partnership, decision) =>
        {
            decision.Require(decision.Actor.ActsFor(partnership.Members), "partnershipId",
                "Only a member organization of the partnership can record its facts: your token's organization is not a member.");
            if (partnership.EndedAt is { } ended && command is not RetractEvent)
                decision.Require(decision.OccurredAt < ended, "occurredAt",
                    $"The partnership ended on {ended:O}: nothing more can happen in it (occurredAt {decision.OccurredAt:O}).");
            decision.NotBefore(partnership.FormedAt, "the partnership was formed");
            return decide(partnership, decision).ToList();
        }, cancellation);

    /// <summary>A member organization named by the command (from, to, ...): it must belong to the partnership.</summary>
    public static void RequireMember(this Decision decision, Partnership partnership, Guid organization, string field) =>
        decision.Require(partnership.Members.Contains(organization), field, $"{field} {organization} is not a member of the partnership.");
}

/// <summary>The input of a mutation on a partnership: its id first, then the command's own fields.</summary>
public abstract class PartnershipCommandInputGraphType<TCommand> : StreamCommandInputGraphType<TCommand> where TCommand : PartnershipCommand
{
    protected PartnershipCommandInputGraphType(string name, string description) : base(name, description) =>
        Field(x => x.PartnershipId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The partnership.");
}
