using JasperFx.Events;
using Marten;
using Npgsql;
using PartnershipLedger.Maturity;
using PartnershipLedger.Partnerships;

namespace PartnershipLedger.Import;

/// <summary>
/// The documents every projection builds from the imported events, built in memory while they are imported, with the
/// projections' own code: the decision states the import folded anyway (Partnership, Organization, CircleOfTrust), the
/// partnership summaries (PartnershipSummaryProjection's methods), each partnership's maturity (its facts, profiles and
/// history, derived once per partnership) and the trend buckets (each partnership's contribution, summed). Writing
/// them is one bulk insert per type instead of a rebuild reading every event once per projection.
/// </summary>
public sealed class ImportProjections(MaturityEvaluator evaluator)
{
    private readonly PartnershipSummaryProjection summaryProjection = new();
    private readonly Dictionary<Guid, PartnershipSummary> summaries = [];
    private readonly Dictionary<Guid, PartnershipMaturity> maturities = [];

    public void Add(IEvent e)
    {
        if (e.Data is not IPartnershipEvent) return;
        if (StreamFold.ApplyProjection(summaryProjection, summaries.GetValueOrDefault(e.StreamId), e) is { } summary)
        {
            summary.Version = e.Version;
            summaries[e.StreamId] = summary;
        }
        if (!maturities.TryGetValue(e.StreamId, out var maturity)) maturities[e.StreamId] = maturity = new PartnershipMaturity { Id = e.StreamId };
        maturity.Record(e);
        maturity.Version = e.Version;
    }

    /// <summary>
    /// Stores every document, adding to the trend buckets already stored, and moves the trend projection's progress to
    /// <paramref name="lastSequence"/> when it had processed everything before <paramref name="firstSequence"/> (or
    /// always, for a rebuild from the first event): its buckets then hold these partnerships' contributions already.
    /// </summary>
    public async Task StoreAsync(DocumentStore store, DecisionStates states, long firstSequence, long lastSequence, CancellationToken cancellation)
    {
        var contributions = new List<PartnershipTrendContribution>();
        var deltas = new Dictionary<string, PartnershipTrendContribution.Contribution>();
        foreach (var maturity in maturities.Values)
        {
            PartnershipMaturityProjection.Complete(maturity, states.Organizations, evaluator);
            var contribution = new PartnershipTrendContribution { Id = maturity.Id, Buckets = PartnershipTrendContribution.Of(maturity) };
            contributions.Add(contribution);
            foreach (var (bucket, change) in contribution.Buckets)
            {
                if (!deltas.TryGetValue(bucket, out var delta)) deltas[bucket] = delta = new PartnershipTrendContribution.Contribution();
                delta.Add(change);
            }
        }
        await using (var session = store.QuerySession())
        {
            var existing = (await session.LoadManyAsync<MaturityTrendBucket>(cancellation, deltas.Keys.ToArray())).ToDictionary(bucket => bucket.Id);
            var buckets = deltas.Select(pair =>
            {
                var bucket = existing.GetValueOrDefault(pair.Key) ?? MaturityTrendBucket.Empty(pair.Key);
                bucket.Add(pair.Value);
                return bucket;
            }).ToList();
            await store.BulkInsertAsync(buckets, Weasel.Core.BulkInsertMode.OverwriteExisting, cancellation: cancellation);
        }
        await store.BulkInsertAsync(states.Organizations.Values.ToList(), Weasel.Core.BulkInsertMode.OverwriteExisting, cancellation: cancellation);
        await store.BulkInsertAsync(states.Circles.Values.ToList(), Weasel.Core.BulkInsertMode.OverwriteExisting, cancellation: cancellation);
        await store.BulkInsertAsync(states.Partnerships.Values.ToList(), Weasel.Core.BulkInsertMode.OverwriteExisting, cancellation: cancellation);
        await store.BulkInsertAsync(summaries.Values.ToList(), Weasel.Core.BulkInsertMode.OverwriteExisting, cancellation: cancellation);
        await store.BulkInsertAsync(maturities.Values.ToList(), Weasel.Core.BulkInsertMode.OverwriteExisting, cancellation: cancellation);
        await store.BulkInsertAsync(contributions, Weasel.Core.BulkInsertMode.OverwriteExisting, cancellation: cancellation);
        await AdvanceTrendProgressAsync(store, firstSequence, lastSequence, cancellation);
    }

    private static async Task AdvanceTrendProgressAsync(DocumentStore store, long firstSequence, long lastSequence, CancellationToken cancellation)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        var shard = $"{MaturityTrendProjection.Name}:All";
        await using var command = new NpgsqlCommand(
            $"""
            update {schema}.mt_event_progression set last_seq_id = @last, last_updated = now() where name = @shard and (last_seq_id = @before or @before = 0);
            insert into {schema}.mt_event_progression (name, last_seq_id, last_updated)
              select @shard, @last, now() where @before = 0 and not exists (select 1 from {schema}.mt_event_progression where name = @shard);
            """, connection);
        command.Parameters.AddWithValue("last", lastSequence);
        command.Parameters.AddWithValue("before", firstSequence - 1);
        command.Parameters.AddWithValue("shard", shard);
        await command.ExecuteNonQueryAsync(cancellation);
    }
}
