using JasperFx.Events;
using Marten;

namespace PartnershipLedger.Recording;

/// <summary>
/// How every command becomes events, in one place: replay of an already recorded command id, the expected
/// version, the decision (with every problem collected), the event metadata, and the idempotency record.
/// Handlers stay one line each; decisions stay pure functions of (command, state, decision context).
/// </summary>
public static class StreamRecording
{
    /// <summary>Records the events a decision takes on an existing stream of type <typeparamref name="TState"/>.</summary>
    public static async Task<Recorded> RecordAsync<TState>(
        this IDocumentSession session,
        StreamCommand command,
        Guid streamId,
        DateTimeOffset now,
        Func<TState, Decision, IEnumerable<object>> decide,
        CancellationToken cancellation) where TState : class
    {
        if (await session.EarlierRecordingAsync(command, cancellation) is { } earlier) return earlier;

        var stream = await session.Events.FetchForWriting<TState>(streamId, cancellation);
        if (stream.Aggregate is null)
            throw new NotFoundException($"No {Describe<TState>()} has the id {streamId}.");
        if (!command.Actor.MayRecordIn(stream.Aggregate))
            throw new NotFoundException($"No {Describe<TState>()} has the id {streamId}.") { OutOfReach = true };
        var version = stream.CurrentVersion ?? 0;
        if (command.ExpectedVersion is { } expected && expected != version)
            throw new ConflictException($"The {Describe<TState>()} is at version {version}, not the expected version {expected}: someone recorded in between. Reload it and retry.");

        var decision = Decision.For(command, now);
        var events = decide(stream.Aggregate, decision).ToList();
        decision.ThrowIfRefused();

        session.StampMetadata(command);
        stream.AppendMany(events);
        await session.ChainAsync(command.Actor, streamId, version, stream.Events, cancellation);
        return session.Remember(command, new Recorded(streamId, stream.Events[0].Id, version + events.Count));
    }

    /// <summary>Starts a new stream of type <typeparamref name="TState"/> with the events a decision takes.</summary>
    public static async Task<Recorded> StartAsync<TState>(
        this IDocumentSession session,
        Command command,
        Guid streamId,
        DateTimeOffset now,
        Func<Decision, IEnumerable<object>> decide,
        CancellationToken cancellation) where TState : class
    {
        if (await session.EarlierRecordingAsync(command, cancellation) is { } earlier) return earlier;

        var decision = Decision.For(command, now);
        var events = decide(decision).ToList();
        decision.ThrowIfRefused();

        session.StampMetadata(command);
        var action = session.Events.StartStream<TState>(streamId, events.ToArray());
        await session.ChainAsync(command.Actor, streamId, 0, action.Events, cancellation);
        return session.Remember(command, new Recorded(streamId, action.Events[0].Id, events.Count));
    }

    /// <summary>Stamps the acting user and organization, the correlation and the causation on the events the session appends.</summary>
    public static void StampMetadata(this IDocumentSession session, Command command) =>
        session.StampMetadata(command.Actor, command.CorrelationId, command.CommandId);

    public static void StampMetadata(this IDocumentSession session, Actor actor, string? correlationId = null, string? causationId = null)
    {
        session.LastModifiedBy = actor.User;
        if (actor.OrganizationId is { } organization)
            session.SetHeader(EventHeaders.ActorOrganization, organization.ToString());
        if (correlationId is not null) session.CorrelationId = correlationId;
        if (causationId is not null) session.CausationId = causationId;
    }

    /// <summary>
    /// Stamps the hash chain on events just appended to a stream that stood at <paramref name="version"/>, linking the
    /// first to the stored head (one indexed read of its header). The session's metadata must be stamped for
    /// <paramref name="actor"/> already (<see cref="StampMetadata(IDocumentSession, Actor, string?, string?)"/>). Two
    /// racing writers both link to the same head, but the stream's version check lets only one of them store.
    /// </summary>
    public static async Task ChainAsync(this IDocumentSession session, Actor actor, Guid streamId, long version, IReadOnlyList<IEvent> appended, CancellationToken cancellation)
    {
        var previous = EventChain.Genesis(streamId);
        if (version > 0)
        {
            var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
            var heads = await session.AdvancedSql.QueryAsync<string>(
                $"select coalesce(headers ->> '{EventChain.Header}', '') from {schema}.mt_events where stream_id = ? and version = ?", cancellation, streamId, version);
            previous = heads.SingleOrDefault() ?? "";
        }
        var organization = actor.OrganizationId?.ToString();
        EventChain.Stamp(previous, streamId, version + 1, appended, _ => (actor.User, organization, session.CorrelationId),
            session.DocumentStore.Options.Serializer());
    }

    private static async Task<Recorded?> EarlierRecordingAsync(this IDocumentSession session, Command command, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(command.CommandId)) return null;
        var earlier = await session.LoadAsync<RecordedCommand>(command.CommandId, cancellation);
        if (earlier is null) return null;
        if (earlier.CommandType != command.GetType().Name)
            throw new ConflictException($"The command id '{command.CommandId}' was already used for a {earlier.CommandType} command: use a new id for a new command.");
        return new Recorded(earlier.StreamId, earlier.EventId, earlier.Version, Replayed: true);
    }

    private static Recorded Remember(this IDocumentSession session, Command command, Recorded recorded)
    {
        if (!string.IsNullOrWhiteSpace(command.CommandId))
            session.Insert(new RecordedCommand(command.CommandId, command.GetType().Name, recorded.StreamId, recorded.EventId, recorded.Version));
        return recorded;
    }

    private static string Describe<TState>() => typeof(TState).Name switch
    {
        "CircleOfTrust" => "circle of trust",
        "AccessToken" => "token",
        var name => name.ToLowerInvariant(),
    };
}
