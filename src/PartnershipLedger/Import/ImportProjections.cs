using System.Collections.Concurrent;
using JasperFx.Events;
using Marten;
using PartnershipLedger.CirclesOfTrust;
using PartnershipLedger.Maturity;
using PartnershipLedger.Organizations;
using PartnershipLedger.Partnerships;

namespace PartnershipLedger.Import;

/// <summary>
/// The documents every projection builds from imported (or re-read) events, built in memory as the events go by, with
/// the projections' own code: the decision states the import folded anyway (Partnership, Organization, CircleOfTrust),
/// the partnership summaries (PartnershipSummaryProjection's methods), each partnership's maturity (its facts, profiles
/// and history, derived once per partnership) and the trend buckets (each partnership's contribution, summed).
/// <para>
/// Streamed: when a partnership's last event (its final version, known beforehand) has gone by, its documents are handed
/// to a deriving thread, which derives the maturity history and serializes the documents by batch, and a copying thread
/// COPYs each serialized batch on a connection of its own (<see cref="DocumentCopy"/>), while the reading thread goes on
/// with the next events. The database parses one batch while the next is derived (with one writer thread doing both,
/// the two waited on each other and the cores sat a fifth idle). Memory holds only the partnerships under way. Nothing
/// is visible before <see cref="CommitAsync"/>, which the caller makes after the events' own commit.
/// </para>
/// </summary>
public sealed class ImportProjections : IAsyncDisposable
{
    /// <summary>
    /// Partnerships per batch (and half the finished ones that may wait for the deriving thread). Everything in flight
    /// is young and survives each garbage collection: with 200, a million-event rebuild paused for the collector 0.9 s
    /// in 6; with 100, 0.4 s, for as fast a COPY (with 20, the many small COPYs made it slower).
    /// </summary>
    private const int Batch = 100;

    private readonly MaturityEvaluator evaluator;
    private readonly IReadOnlyDictionary<Guid, long> lastVersions;
    private readonly DocumentCopy copy;
    private readonly string progression;
    private readonly PartnershipSummaryProjection summaryProjection = new();
    private readonly Dictionary<Guid, PartnershipSummary> summaries = [];
    private readonly Dictionary<Guid, PartnershipMaturity> maturities = [];
    private readonly BlockingCollection<Finished> finished = new(boundedCapacity: 2 * Batch);
    private readonly BlockingCollection<IReadOnlyList<SerializedDocuments>> serialized = new(boundedCapacity: 4);
    private readonly WorkerThreads writers = new();
    private readonly Dictionary<string, PartnershipTrendContribution.Contribution> deltas = [];
    private readonly Action<Partnership>? finishedState;

    private sealed record Finished(Partnership? State, PartnershipSummary? Summary, PartnershipMaturity Maturity, Dictionary<Guid, Organization> Members);

    private ImportProjections(MaturityEvaluator evaluator, IReadOnlyDictionary<Guid, long> lastVersions, DocumentCopy copy, string progression, Action<Partnership>? finishedState)
    {
        this.progression = progression;
        this.finishedState = finishedState;
        this.evaluator = evaluator;
        this.lastVersions = lastVersions;
        this.copy = copy;
        writers.Start(DeriveFinished);
        writers.Start(CopySerialized);
    }

    /// <summary>
    /// Starts the writer threads. <paramref name="lastVersions"/>: each stream's final version (a partnership is written when
    /// its event of that version goes by; any other at <see cref="FinishAsync"/>). <paramref name="replacing"/>: document
    /// types whose tables are emptied first, in the same transaction (a rebuild: <see cref="DocumentCopy.EmptyAsync"/>). <paramref name="finishedState"/>:
    /// called with each partnership's final decision state, on the reading thread (an import's review reminders).
    /// </summary>
    public static async Task<ImportProjections> StartAsync(
        DocumentStore store, MaturityEvaluator evaluator, IReadOnlyDictionary<Guid, long> lastVersions, IEnumerable<Type> replacing, CancellationToken cancellation,
        Action<Partnership>? finishedState = null)
    {
        var copy = await DocumentCopy.OpenAsync(store, cancellation);
        try
        {
            await copy.EmptyAsync(replacing, cancellation);
        }
        catch
        {
            await copy.DisposeAsync();
            throw;
        }
        return new ImportProjections(evaluator, lastVersions, copy, Recording.DocumentTables.EventProgression(store), finishedState);
    }

    /// <summary>Folds a (partnership) event into its documents; after the stream's last event, hands them to the deriving thread.</summary>
    public void Add(IEvent e, DecisionStates states)
    {
        if (e.Data is not IPartnershipEvent) return;
        if (StreamFold.ApplyProjection(summaryProjection, summaries.GetValueOrDefault(e.StreamId), e) is { } summary)
        {
            summary.Version = e.Version;
            summaries[e.StreamId] = summary;
        }
        if (!maturities.TryGetValue(e.StreamId, out var maturity)) maturities[e.StreamId] = maturity = new PartnershipMaturity { Id = e.StreamId };
        maturity.Record(e, evaluator.FactFields);
        maturity.Version = e.Version;
        if (lastVersions.TryGetValue(e.StreamId, out var last) && e.Version == last) Finish(e.StreamId, states);
    }

    private void Finish(Guid id, DecisionStates states)
    {
        maturities.Remove(id, out var maturity);
        summaries.Remove(id, out var summary);
        // The members' profiles (home region, partner types) are read here, where the organizations are folded.
        var members = new Dictionary<Guid, Organization>();
        foreach (var member in maturity!.MemberIds)
            if (states.Organizations.TryGetValue(member, out var organization)) members[member] = organization;
        var item = new Finished(states.ReleasePartnership(id), summary, maturity, members);
        if (item.State is not null) finishedState?.Invoke(item.State);
        writers.Hand(finished, item);
    }

    /// <summary>The deriving thread: each finished partnership's history and trend contribution, its documents serialized by batch.</summary>
    private void DeriveFinished()
    {
        var batch = new List<Finished>(Batch);
        foreach (var item in finished.GetConsumingEnumerable(writers.Stopping))
        {
            batch.Add(item);
            if (batch.Count == Batch) serialized.Add(Derive(batch), writers.Stopping);
        }
        if (batch.Count > 0) serialized.Add(Derive(batch), writers.Stopping);
        serialized.CompleteAdding();
    }

    /// <summary>The copying thread: each serialized batch COPYed on the import's document connection.</summary>
    private void CopySerialized()
    {
        foreach (var documents in serialized.GetConsumingEnumerable(writers.Stopping))
            foreach (var ofOneType in documents)
            {
                writers.Stopping.ThrowIfCancellationRequested();   // abandoned: not even the rest of this batch
                copy.Write(ofOneType);
            }
    }

    private List<SerializedDocuments> Derive(List<Finished> batch)
    {
        var contributions = new List<PartnershipTrendContribution>(batch.Count);
        var timelines = new List<MaturityTimeline>(batch.Count);
        foreach (var item in batch)
        {
            PartnershipMaturityProjection.Complete(item.Maturity, item.Members, evaluator);
            var timeline = MaturityTimeline.Of(item.Maturity, evaluator);
            timelines.Add(timeline);
            var contribution = new PartnershipTrendContribution { Id = item.Maturity.Id, Buckets = PartnershipTrendContribution.Of(timeline) };
            contributions.Add(contribution);
            foreach (var (bucket, change) in contribution.Buckets)
            {
                if (!deltas.TryGetValue(bucket, out var delta)) deltas[bucket] = delta = new PartnershipTrendContribution.Contribution();
                delta.Add(change);
            }
        }
        List<SerializedDocuments> documents =
        [
            copy.Serialize(batch.Where(item => item.State is not null).Select(item => item.State!).ToList(), partnership => partnership.Id),
            copy.Serialize(batch.Where(item => item.Summary is not null).Select(item => item.Summary!).ToList(), summary => summary.Id),
            copy.Serialize(batch.Select(item => item.Maturity).ToList(), maturity => maturity.Id),
            copy.Serialize(timelines, timeline => timeline.Id),
            copy.Serialize(contributions, contribution => contribution.Id),
        ];
        batch.Clear();
        return documents;
    }

    /// <summary>
    /// Once every event has gone by: the partnerships not yet written, then the organizations and circles (all of
    /// <paramref name="states"/>), waiting for the writer threads. Still uncommitted.
    /// </summary>
    public async Task FinishAsync(DecisionStates states, CancellationToken cancellation)
    {
        foreach (var id in maturities.Keys.ToList()) Finish(id, states);
        finished.CompleteAdding();
        await writers.WaitAsync(cancellation);
        // Partnership states without any partnership event left (none expected) are written as they are.
        copy.Write(states.Partnerships.Values.ToList(), partnership => partnership.Id);
        copy.Write(states.Organizations.Values.ToList(), organization => organization.Id);
        copy.Write(states.Circles.Values.ToList(), circle => circle.Id);
    }

    /// <summary>
    /// Adds the partnerships' contributions to the trend buckets already stored, moves the trend projection's progress
    /// to <paramref name="lastSequence"/> when it had processed everything before <paramref name="firstSequence"/> (or
    /// always, for a rebuild from the first event): its buckets then hold these partnerships' contributions already;
    /// and commits all of it with the documents, in one transaction.
    /// </summary>
    public async Task CommitAsync(long firstSequence, long lastSequence, CancellationToken cancellation)
    {
        var existing = (await copy.LoadAsync<MaturityTrendBucket>(deltas.Keys, cancellation)).ToDictionary(bucket => bucket.Id);
        var buckets = deltas.Select(pair =>
        {
            var bucket = existing.GetValueOrDefault(pair.Key) ?? MaturityTrendBucket.Empty(pair.Key);
            bucket.Add(pair.Value);
            return bucket;
        }).ToList();
        await copy.ReplaceAsync(buckets, bucket => bucket.Id, cancellation);
        await AdvanceTrendProgressAsync(firstSequence, lastSequence, cancellation);
        await copy.CommitAsync(cancellation);
    }

    /// <summary>Stops the writer threads (if still running) and rolls back whatever was not committed.</summary>
    public async ValueTask DisposeAsync()
    {
        // Abandoned (a refused record, a failure, a cancelled wait): the writer threads stop at once, nothing more is
        // written. After a finish they are done already, and stopping them changes nothing.
        await writers.StopAsync();
        try
        {
            await copy.DisposeAsync();
        }
        finally
        {
            finished.Dispose();
            serialized.Dispose();
            writers.Dispose();
        }
    }

    private async Task AdvanceTrendProgressAsync(long firstSequence, long lastSequence, CancellationToken cancellation)
    {
        await using var command = copy.Command(
            $"""
            update {progression} set last_seq_id = @last, last_updated = now() where name = @shard and (last_seq_id = @before or @before = 0);
            insert into {progression} (name, last_seq_id, last_updated)
              select @shard, @last, now() where @before = 0 and not exists (select 1 from {progression} where name = @shard);
            """);
        command.Parameters.AddWithValue("last", lastSequence);
        command.Parameters.AddWithValue("before", firstSequence - 1);
        command.Parameters.AddWithValue("shard", MaturityTrendProjection.Shard);
        await command.ExecuteNonQueryAsync(cancellation);
    }
}
