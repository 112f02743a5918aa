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

    public bool IsEmpty => Net.All(n => n == 0) && Ups == 0 && Downs == 0;
}

/// <summary>What one partnership contributes to the trend buckets, as last accounted: the trend projection only adds differences.</summary>
public sealed class PartnershipTrendContribution
{
    public Guid Id { get; set; }
    public Dictionary<string, Contribution> Buckets { get; set; } = [];

    public sealed record Contribution(int[] Net, int Ups, int Downs);

    /// <summary>
    /// A partnership's contribution to each month of each function: it enters at its first level when formed,
    /// moves with each evidenced change, and leaves when it ends (changes after the end do not count).
    /// </summary>
    public static Dictionary<string, Contribution> Of(PartnershipMaturity partnership)
    {
        var buckets = new Dictionary<string, (int[] Net, int Ups, int Downs)>();
        (int[] Net, int Ups, int Downs) Bucket(BusinessFunction function, DateTimeOffset at)
        {
            var id = MaturityTrendBucket.IdOf(function, MonthOf(at));
            if (!buckets.TryGetValue(id, out var bucket)) buckets[id] = bucket = (new int[4], 0, 0);
            return bucket;
        }
        foreach (var function in Enum.GetValues<BusinessFunction>())
        {
            MaturityLevel? level = null;
            foreach (var change in partnership.History.Where(c => c.Function == function && c.Basis == MaturityBasis.Evidenced && !(c.At >= partnership.EndedAt)))
            {
                var bucket = Bucket(function, change.At);
                bucket.Net[(int)change.To]++;
                if (change.From is { } from)
                {
                    bucket.Net[(int)from]--;
                    bucket = change.To > from ? (bucket.Net, bucket.Ups + 1, bucket.Downs) : (bucket.Net, bucket.Ups, bucket.Downs + 1);
                    buckets[MaturityTrendBucket.IdOf(function, MonthOf(change.At))] = bucket;
                }
                level = change.To;
            }
            if (partnership.EndedAt is { } ended && level is { } last) Bucket(function, ended).Net[(int)last]--;
        }
        return buckets.ToDictionary(pair => pair.Key, pair => new Contribution(pair.Value.Net, pair.Value.Ups, pair.Value.Downs));
    }

    public static DateOnly MonthOf(DateTimeOffset at) => new(at.UtcDateTime.Year, at.UtcDateTime.Month, 1);
}

/// <summary>
/// Keeps the trend buckets in step with the partnerships' maturity histories. Async (run by the daemon, one
/// batch at a time): portfolio trends may lag a second behind a write, and buckets shared by all partnerships
/// are then never updated by two writers at once. It reads the (inline) maturity documents and adds only the
/// difference from what each partnership contributed before, so replaying or rebuilding converges to the same counts.
/// </summary>
public sealed class MaturityTrendProjection : IProjection
{
    public const string Name = "MaturityTrend";

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var ids = events.Where(e => e.Data is IPartnershipEvent).Select(e => e.StreamId).Distinct().ToArray();
        if (ids.Length == 0) return;
        var partnerships = (await operations.LoadManyAsync<PartnershipMaturity>(cancellation, ids)).ToDictionary(p => p.Id);
        var accounted = (await operations.LoadManyAsync<PartnershipTrendContribution>(cancellation, ids)).ToDictionary(c => c.Id);

        var deltas = new Dictionary<string, (int[] Net, int Ups, int Downs)>();
        foreach (var id in ids)
        {
            var before = accounted.GetValueOrDefault(id)?.Buckets ?? [];
            var after = partnerships.TryGetValue(id, out var partnership) ? PartnershipTrendContribution.Of(partnership) : [];
            foreach (var bucket in before.Keys.Union(after.Keys))
            {
                var old = before.GetValueOrDefault(bucket);
                var @new = after.GetValueOrDefault(bucket);
                if (!deltas.TryGetValue(bucket, out var delta)) deltas[bucket] = delta = (new int[4], 0, 0);
                for (var level = 0; level < 4; level++) delta.Net[level] += (@new?.Net[level] ?? 0) - (old?.Net[level] ?? 0);
                deltas[bucket] = (delta.Net, delta.Ups + (@new?.Ups ?? 0) - (old?.Ups ?? 0), delta.Downs + (@new?.Downs ?? 0) - (old?.Downs ?? 0));
            }
            operations.Store(new PartnershipTrendContribution { Id = id, Buckets = after });
        }

        var changed = deltas.Where(pair => pair.Value.Net.Any(n => n != 0) || pair.Value.Ups != 0 || pair.Value.Downs != 0).ToList();
        if (changed.Count == 0) return;
        var buckets = (await operations.LoadManyAsync<MaturityTrendBucket>(cancellation, changed.Select(pair => pair.Key).ToArray())).ToDictionary(b => b.Id);
        foreach (var (id, delta) in changed)
        {
            if (!buckets.TryGetValue(id, out var bucket))
            {
                var separator = id.LastIndexOf(':');
                bucket = new MaturityTrendBucket
                {
                    Id = id,
                    Function = Enum.GetValues<BusinessFunction>().Single(f => MaturityEvaluator.FunctionKey(f) == id[..separator]),
                    Month = DateOnly.ParseExact(id[(separator + 1)..] + "-01", "yyyy-MM-dd"),
                };
            }
            for (var level = 0; level < 4; level++) bucket.Net[level] += delta.Net[level];
            bucket.Ups += delta.Ups;
            bucket.Downs += delta.Downs;
            operations.Store(bucket);
        }
    }
}
