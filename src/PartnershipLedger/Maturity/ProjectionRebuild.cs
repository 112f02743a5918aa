using JasperFx.Events.Daemon;
using Marten;
using Npgsql;
using PartnershipLedger.Import;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Maturity;

/// <summary>
/// Rebuilds every derived document from the events, in dependency order: the partnership read models and maturity
/// histories first (inline projections), then the portfolio trend buckets, which are computed from those histories.
/// </summary>
public static class ProjectionRebuild
{
    /// <summary>Every projection, in the order they are rebuilt.</summary>
    public static IReadOnlyList<string> Projections { get; } =
        ["Partnership", "PartnershipSummary", "Organization", "CircleOfTrust", PartnershipMaturityProjection.Name, MaturityTrendProjection.Name];

    /// <summary>The documents derived from the maturity projections, removed before either rebuild writes them again.</summary>
    private static readonly Type[] MaturityDocuments = [typeof(PartnershipMaturity), typeof(MaturityTimeline), typeof(MaturityTrendBucket), typeof(PartnershipTrendContribution)];

    public static Task RebuildAllAsync(IDocumentStore store, IProjectionCoordinator coordinator, CancellationToken cancellation) =>
        RebuildAllAsync(store, coordinator.DaemonForMainDatabase(), null, cancellation);

    /// <summary>Rebuilds with <paramref name="daemon"/>, reporting each projection's progress through the event sequence.</summary>
    public static async Task RebuildAllAsync(IDocumentStore store, IProjectionDaemon daemon, IProgress<LedgerProgress>? progress, CancellationToken cancellation)
    {
        foreach (var derived in MaturityDocuments)
            await store.Advanced.Clean.DeleteDocumentsByTypeAsync(derived, cancellation);
        var highest = progress is null ? 0 : await HighestSequenceAsync(store, cancellation);
        foreach (var projection in Projections)
        {
            using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            var watcher = progress is null || highest == 0 ? Task.CompletedTask : WatchAsync(store, projection, highest, progress, watching.Token);
            await daemon.RebuildProjectionAsync(projection, cancellation);
            await watching.CancelAsync();
            await watcher;
            progress?.Report(new LedgerProgress($"rebuild {projection}", highest, highest));
        }
    }

    private static async Task WatchAsync(IDocumentStore store, string projection, long highest, IProgress<LedgerProgress> progress, CancellationToken cancellation)
    {
        try
        {
            while (!cancellation.IsCancellationRequested)
            {
                await Task.Delay(500, cancellation);
                await using var connection = ((DocumentStore)store).Storage.Database.CreateConnection();
                await connection.OpenAsync(cancellation);
                await using var command = new NpgsqlCommand(
                    $"select coalesce(max(last_seq_id), 0) from {DocumentTables.EventProgression(store)} where name like @name", connection);
                command.Parameters.AddWithValue("name", projection + ":%");
                progress.Report(new LedgerProgress($"rebuild {projection}", (long)(await command.ExecuteScalarAsync(cancellation))!, highest));
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The rebuild finished.
        }
    }

    /// <summary>
    /// Rebuilds every projection's documents in one sequential read of the events, folding them in memory with the
    /// projections' own code (as an import does) and writing each partnership's documents once its last event is folded
    /// (<see cref="ImportProjections"/>: one thread derives and serializes them, another COPYs them on a connection of its
    /// own): no pass per projection, memory for the partnerships under way only. The document tables are emptied (TRUNCATE) and the new
    /// ones committed in one transaction. For the command line (ops/run -- rebuild): the API's async daemon must not run
    /// meanwhile.
    /// </summary>
    public static async Task<long> RebuildInMemoryAsync(DocumentStore store, MaturityEvaluator evaluator, IProgress<LedgerProgress>? progress, CancellationToken cancellation)
    {
        var states = new DecisionStates();
        var serializer = store.Options.Serializer();
        // The ledger's event types by their alias (the type column): shorter to read than the .NET type name, and looked up, not resolved.
        var types = EventCatalogue.AllEventTypes.ToDictionary(type => store.Events.EventMappingFor(type).EventTypeName);
        long read = 0;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        // One snapshot for the highest sequence, the streams' versions and the events: a command recorded meanwhile is in
        // none of them, rather than in the events but not in the versions.
        await using var snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellation);
        var highest = await HighestSequenceAsync(store, connection, snapshot, cancellation);
        // Each stream's last version: a partnership's documents are written (by another thread) once its last event is folded.
        var lastVersions = new Dictionary<Guid, long>();
        await using (var streams = new NpgsqlCommand($"select id, version from {DocumentTables.Streams(store)}", connection, snapshot))
        await using (var reader = await streams.ExecuteReaderAsync(cancellation))
            while (await reader.ReadAsync(cancellation)) lastVersions[reader.GetGuid(0)] = reader.GetInt64(1);

        await using var projections = await ImportProjections.StartAsync(store, evaluator, lastVersions,
            [typeof(Partnerships.Partnership), typeof(Partnerships.PartnershipSummary), typeof(Organizations.Organization), typeof(CirclesOfTrust.CircleOfTrust),
             .. MaturityDocuments], cancellation);
        await using (var command = new NpgsqlCommand(
            $"select seq_id, id, stream_id, version, data, type, timestamp from {DocumentTables.Events(store)} where is_archived = false order by seq_id", connection, snapshot))
        await using (var reader = await command.ExecuteReaderAsync(cancellation))
        {
            while (reader.Read())
            {
                // An event of another type (Marten's own tombstones, say) is one no projection of the ledger folds.
                if (!types.TryGetValue(reader.GetString(5), out var type)) continue;
                var data = serializer.FromJson(type, reader, 4);
                var e = StreamFold.Wrap(data, reader.GetGuid(1), reader.GetGuid(2), reader.GetInt64(3), reader.GetFieldValue<DateTimeOffset>(6));
                e.Sequence = reader.GetInt64(0);
                states.Fold(e);
                projections.Add(e, states);
                if (++read % 10_000 == 0) progress?.Report(new LedgerProgress("rebuild: read and fold events", read, highest));
            }
        }
        progress?.Report(new LedgerProgress("rebuild: read and fold events", read, highest));
        progress?.Report(new LedgerProgress("rebuild: store documents", 0, 1));
        await projections.FinishAsync(states, cancellation);
        await projections.CommitAsync(firstSequence: 1, lastSequence: highest, cancellation);
        progress?.Report(new LedgerProgress("rebuild: store documents", 1, 1));
        return read;
    }

    public static async Task<long> HighestSequenceAsync(IDocumentStore store, CancellationToken cancellation)
    {
        await using var connection = ((DocumentStore)store).Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        return await HighestSequenceAsync(store, connection, null, cancellation);
    }

    private static async Task<long> HighestSequenceAsync(IDocumentStore store, NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand($"select coalesce(max(seq_id), 0) from {DocumentTables.Events(store)}", connection, transaction);
        return (long)(await command.ExecuteScalarAsync(cancellation))!;
    }
}
