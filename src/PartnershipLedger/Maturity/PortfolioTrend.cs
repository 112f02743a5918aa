using System.Text.Json.Serialization;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using PartnershipLedger.Model;
using PartnershipLedger.Partnerships;

namespace PartnershipLedger.Maturity;

/// <summary>
/// What one month adds to the portfolio's picture of one function: partnerships entering and leaving each level
/// (net, indexed by level rank) and the number of moves up and down. Counts at the end of a month are the sum of
/// every earlier month's net, so a trend over any range is one read of a few dozen small documents.
/// </summary>
public sealed class MaturityTrendBucket
{
    public string Id { get; set; } = "";
    public BusinessFunction Function { get; set; }
    public DateOnly Month { get; set; }
    public int[] Net { get; set; } = new int[4];
    public int Ups { get; set; }
    public int Downs { get; set; }

    public static string IdOf(BusinessFunction function, DateOnly month) => $"{MaturityEvaluator.FunctionKey(function)}:{month:yyyy-MM}";

    /// <summary>A bucket with nothing in it yet, for the function and month its id names.</summary>
    public static MaturityTrendBucket Empty(string id)
    {
        var separator = id.LastIndexOf(':');
        return new MaturityTrendBucket
        {
            Id = id,
            Function = Enum.GetValues<BusinessFunction>().Single(f => MaturityEvaluator.FunctionKey(f) == id[..separator]),
            Month = DateOnly.ParseExact(id[(separator + 1)..] + "-01", "yyyy-MM-dd"),
        };
    }

    public void Add(PartnershipTrendContribution.Contribution change)
    {
        for (var level = 0; level < 4; level++) Net[level] += change.Net[level];
        Ups += change.Ups;
        Downs += change.Downs;
    }
}

/// <summary>What one partnership contributes to the trend buckets, as last accounted: the trend projection only adds differences.</summary>
public sealed class PartnershipTrendContribution
{
    public Guid Id { get; set; }
    public Dictionary<string, Contribution> Buckets { get; set; } = [];

    /// <summary>
    /// Net entries per level (indexed by rank) and moves up and down, of one month of one function. Stored as one string
    /// (<see cref="TrendContributionJsonConverter"/>), where moves that are 0 are left out (read as 0): most months of a
    /// partnership have none.
    /// </summary>
    [JsonConverter(typeof(TrendContributionJsonConverter))]
    public sealed class Contribution
    {
        public int[] Net { get; set; } = new int[4];
        public int Ups { get; set; }
        public int Downs { get; set; }

        public bool IsZero => Net.All(n => n == 0) && Ups == 0 && Downs == 0;

        /// <summary>Adds <paramref name="other"/> (or subtracts it, with <paramref name="sign"/> -1).</summary>
        public void Add(Contribution? other, int sign = 1)
        {
            if (other is null) return;
            for (var level = 0; level < 4; level++) Net[level] += sign * other.Net[level];
            Ups += sign * other.Ups;
            Downs += sign * other.Downs;
        }
    }

    /// <summary>
    /// A partnership's contribution to each month of each function: it enters at its first level when formed,
    /// moves with each evidenced change, and leaves when it ends (changes after the end do not count).
    /// </summary>
    public static Dictionary<string, Contribution> Of(MaturityTimeline timeline)
    {
        var (history, endedAt) = (timeline.History, timeline.EndedAt);
        // By function and month while counting (no bucket id formatted per change); keyed by bucket id at the end.
        var buckets = new Dictionary<(BusinessFunction Function, DateOnly Month), Contribution>();
        Contribution Bucket(BusinessFunction function, DateTimeOffset at)
        {
            var key = (function, MonthOf(at));
            if (!buckets.TryGetValue(key, out var bucket)) buckets[key] = bucket = new Contribution();
            return bucket;
        }
        var levels = new MaturityLevel?[Enum.GetValues<BusinessFunction>().Length];
        foreach (var change in history)
        {
            if (change.Basis != MaturityBasis.Evidenced || change.At >= endedAt) continue;
            var bucket = Bucket(change.Function, change.At);
            bucket.Net[(int)change.To]++;
            if (change.From is { } from)
            {
                bucket.Net[(int)from]--;
                if (change.To > from) bucket.Ups++;
                else bucket.Downs++;
            }
            levels[(int)change.Function] = change.To;
        }
        if (endedAt is { } ended)
            foreach (var function in Enum.GetValues<BusinessFunction>())
                if (levels[(int)function] is { } last) Bucket(function, ended).Net[(int)last]--;
        return buckets.ToDictionary(pair => MaturityTrendBucket.IdOf(pair.Key.Function, pair.Key.Month), pair => pair.Value);
    }

    public static DateOnly MonthOf(DateTimeOffset at) => new(at.UtcDateTime.Year, at.UtcDateTime.Month, 1);
}

/// <summary>
/// Keeps the trend buckets in step with the partnerships' maturity histories. Async (run by the daemon, one
/// batch at a time): portfolio trends may lag a second behind a write, and buckets shared by all partnerships
/// are then never updated by two writers at once. It reads the partnerships' (inline) maturity timelines and adds only the
/// difference from what each partnership contributed before, so replaying or rebuilding converges to the same counts.
/// </summary>
public sealed class MaturityTrendProjection(MaturityEvaluator evaluator) : IProjection
{
    public const string Name = "MaturityTrend";

    /// <summary>Its one shard (no tenancy): the name the daemon and mt_event_progression know it by.</summary>
    public const string Shard = Name + ":All";

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var ids = events.Where(e => e.Data is IPartnershipEvent).Select(e => e.StreamId).Distinct().ToArray();
        if (ids.Length == 0) return;
        // Only the partnerships' timelines (histories and ends), not their facts.
        var partnerships = (await MaturityTimeline.LoadAsync(operations, evaluator, ids, cancellation)).ToDictionary(p => p.Id);
        var accounted = (await operations.LoadManyAsync<PartnershipTrendContribution>(cancellation, ids)).ToDictionary(c => c.Id);

        var deltas = new Dictionary<string, PartnershipTrendContribution.Contribution>();
        foreach (var id in ids)
        {
            var before = accounted.GetValueOrDefault(id)?.Buckets ?? [];
            var after = partnerships.TryGetValue(id, out var partnership) ? PartnershipTrendContribution.Of(partnership) : [];
            foreach (var bucket in before.Keys.Union(after.Keys))
            {
                if (!deltas.TryGetValue(bucket, out var delta)) deltas[bucket] = delta = new PartnershipTrendContribution.Contribution();
                delta.Add(after.GetValueOrDefault(bucket));
                delta.Add(before.GetValueOrDefault(bucket), sign: -1);
            }
            operations.Store(new PartnershipTrendContribution { Id = id, Buckets = after });
        }

        var changed = deltas.Where(pair => !pair.Value.IsZero).ToList();
        if (changed.Count == 0) return;
        var buckets = (await operations.LoadManyAsync<MaturityTrendBucket>(cancellation, changed.Select(pair => pair.Key).ToArray())).ToDictionary(b => b.Id);
        foreach (var (id, delta) in changed)
        {
            var bucket = buckets.GetValueOrDefault(id) ?? MaturityTrendBucket.Empty(id);
            bucket.Add(delta);
            operations.Store(bucket);
        }
    }
}
