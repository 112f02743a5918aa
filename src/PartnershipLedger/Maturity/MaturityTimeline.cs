using Marten;
using Marten.Services.BatchQuerying;

namespace PartnershipLedger.Maturity;

/// <summary>
/// The part of a <see cref="PartnershipMaturity"/> document that reads of levels need: its history of changes.
/// Read by selecting only that member of the stored JSON, so a read of levels neither transfers nor deserializes
/// the facts (three quarters of the document).
/// </summary>
public sealed record MaturityTimeline(Guid Id, List<MaturityChange> History)
{
    public static async Task<IReadOnlyList<MaturityTimeline>> LoadAsync(IQuerySession session, IReadOnlyCollection<Guid> ids, CancellationToken cancellation)
    {
        var wanted = ids.ToArray();
        return await session.Query<PartnershipMaturity>()
            .Where(document => wanted.Contains(document.Id))
            .Select(document => new MaturityTimeline(document.Id, document.History))
            .ToListAsync(cancellation);
    }

    /// <summary>One partnership's timeline, as part of a batch of queries sent in one round trip.</summary>
    public static Task<MaturityTimeline?> InBatch(IBatchedQuery batch, Guid id) =>
        batch.Query<PartnershipMaturity>()
            .Where(document => document.Id == id)
            .Select(document => new MaturityTimeline(document.Id, document.History))
            .FirstOrDefault()!;
}
