namespace PartnershipLedger.Recording;

/// <summary>
/// What every command carries besides its own fields. <see cref="Actor"/> and <see cref="CorrelationId"/>
/// are set by the API from the caller and the request; the others are optional inputs.
/// </summary>
public abstract record Command
{
    /// <summary>Idempotency key: a retried command with the same id records once and answers the same.</summary>
    public string? CommandId { get; init; }

    /// <summary>Business time of the fact; defaults to now; may be in the past (back-filled history).</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    public Actor Actor { get; init; } = Actor.Anonymous;

    public string? CorrelationId { get; init; }
}

/// <summary>A command that records a fact on an existing stream (a partnership, an organization, a circle of trust).</summary>
public abstract record StreamCommand : Command
{
    /// <summary>The stream version the caller last saw; a different current version is a conflict.</summary>
    public long? ExpectedVersion { get; init; }
}

/// <summary>What a recorded command answers: where its events went.</summary>
/// <param name="EventId">The id of the (first) event recorded; it also identifies what the event created (a lead, an agreement...).</param>
/// <param name="Version">The stream version after the events.</param>
/// <param name="Replayed">True when the command id had already been recorded and nothing new was stored.</param>
public sealed record Recorded(Guid StreamId, Guid EventId, long Version, bool Replayed = false);
