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
        // One round trip: the earlier recording of this command id (if it has one), the stream for writing and the
        // stored chain head, batched (Marten's FetchForWriting in a batch query tracks the stream as it does alone).
        var batch = session.CreateBatchQuery();
        var earlierLoad = string.IsNullOrWhiteSpace(command.CommandId) ? null : batch.Load<RecordedCommand>(command.CommandId);
        var fetch = batch.Events.FetchForWriting<TState>(streamId);
        var head = batch.Query<string>(ChainHeadSql(session), streamId);
        await batch.Execute(cancellation);

        var stream = await fetch;
        if (stream.Aggregate is null)
            throw new NotFoundException($"No {Describe<TState>()} has the id {streamId}.");
        // A retry is answered only for the stream it was recorded in, and only to whoever may record there or recorded
        // it (a member that removed its own organization retries that removal): an outsider learns nothing.
        var mayRecord = command.Actor.MayRecordIn(stream.Aggregate);
        var earlierRecording = earlierLoad is null ? null : await earlierLoad;
        if (earlierRecording is not null && (mayRecord || earlierRecording.WasRecordedBy(command.Actor))
            && EarlierRecording(command, earlierRecording, streamId) is { } earlier) return earlier;
        if (!mayRecord)
            throw new NotFoundException($"No {Describe<TState>()} has the id {streamId}.") { OutOfReach = true };
        var version = stream.CurrentVersion ?? 0;
        if (command.ExpectedVersion is { } expected && expected != version)
            throw new ConflictException($"The {Describe<TState>()} is at version {version}, not the expected version {expected}: someone recorded in between. Reload it and retry.");

        var decision = Decision.For(command, now);
        var events = decide(stream.Aggregate, decision).ToList();
        decision.ThrowIfRefused();

        session.StampMetadata(command);
        stream.AppendMany(events);
        await session.ChainAsync(command.Actor, streamId, version, stream.Events, cancellation, ChainHeadAt(await head, version));
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
    /// <param name="storedHead">The chain value of the stream's event at <paramref name="version"/> when the caller has read it
    /// already (<see cref="ChainHeadSql"/>, batched with the fetch); null to read it here.</param>
    public static async Task ChainAsync(this IDocumentSession session, Actor actor, Guid streamId, long version, IReadOnlyList<IEvent> appended, CancellationToken cancellation,
        string? storedHead = null)
    {
        var previous = EventChain.Genesis(streamId);
        if (version > 0 && storedHead is not null) previous = storedHead;
        else if (version > 0)
        {
            var heads = await session.AdvancedSql.QueryAsync<string>(
                $"select coalesce(headers ->> '{EventChain.Header}', '') from {DocumentTables.Events(session)} where stream_id = ? and version = ?", cancellation, streamId, version);
            previous = heads.SingleOrDefault() ?? "";
        }
        var organization = actor.OrganizationId?.ToString();
        EventChain.Stamp(previous, streamId, version + 1, appended, _ => (actor.User, organization, session.CorrelationId),
            session.DocumentStore.Options.Serializer());
    }

    /// <summary>
    /// The stream's last event as "version:chain" (one row by the (stream_id, version) index, read backwards), for a batch
    /// query beside FetchForWriting. <see cref="ChainHeadAt"/> takes it only when that version is the fetched one.
    /// </summary>
    private static string ChainHeadSql(IDocumentSession session) =>
        $"select version::text || ':' || coalesce(headers ->> '{EventChain.Header}', '') from {DocumentTables.Events(session)} " +
        "where stream_id = ? order by version desc limit 1";

    /// <summary>
    /// The chain value of the event at <paramref name="version"/> from <see cref="ChainHeadSql"/>'s row, or null when the
    /// row is of another version (a writer appended between the batch's statements: <see cref="ChainAsync"/> then reads the
    /// head at <paramref name="version"/> itself, and the stream's version check refuses the save anyway).
    /// </summary>
    private static string? ChainHeadAt(IReadOnlyList<string> rows, long version)
    {
        if (rows.Count != 1 || rows[0].IndexOf(':') is var colon && colon < 0) return null;
        return long.TryParse(rows[0].AsSpan(0, colon), out var stored) && stored == version ? rows[0][(colon + 1)..] : null;
    }

    /// <summary>The earlier recording of a command that starts a stream: answered to whoever recorded it (or an admin) only.</summary>
    private static async Task<Recorded?> EarlierRecordingAsync(this IDocumentSession session, Command command, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(command.CommandId)) return null;
        var earlier = await session.LoadAsync<RecordedCommand>(command.CommandId, cancellation);
        if (earlier is { RecordedBy: not null } && !earlier.WasRecordedBy(command.Actor) && !command.Actor.SeesEverything)
            throw new ConflictException($"The command id '{command.CommandId}' was already used: use a new id for a new command.");
        return EarlierRecording(command, earlier);
    }

    private static Recorded? EarlierRecording(Command command, RecordedCommand? earlier, Guid? streamId = null)
    {
        if (earlier is null) return null;
        if (earlier.CommandType != command.GetType().Name)
            throw new ConflictException($"The command id '{command.CommandId}' was already used for a {earlier.CommandType} command: use a new id for a new command.");
        if (streamId is { } target && earlier.StreamId != target)
            throw new ConflictException($"The command id '{command.CommandId}' was already used for a command on another stream: use a new id for a new command.");
        return new Recorded(earlier.StreamId, earlier.EventId, earlier.Version, Replayed: true);
    }

    private static Recorded Remember(this IDocumentSession session, Command command, Recorded recorded)
    {
        if (!string.IsNullOrWhiteSpace(command.CommandId))
            session.Insert(new RecordedCommand(command.CommandId, command.GetType().Name, recorded.StreamId, recorded.EventId, recorded.Version, command.Actor.User, command.Actor.OrganizationId));
        return recorded;
    }

    private static string Describe<TState>() => typeof(TState).Name switch
    {
        "CircleOfTrust" => "circle of trust",
        "AccessToken" => "token",
        var name => name.ToLowerInvariant(),
    };
}
