using Marten;
using Marten.Services.BatchQuerying;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Maturity;

/// <summary>
/// The part of a <see cref="PartnershipMaturity"/> document that reads of levels and the trend projection need: its
/// history of changes, and when the partnership ended. Read by selecting only those members of the stored JSON, so
/// neither transfers nor deserializes the facts (most of the document).
/// </summary>
public sealed record MaturityTimeline(Guid Id, List<MaturityChange> History, DateTimeOffset? EndedAt = null)
{
    public static async Task<IReadOnlyList<MaturityTimeline>> LoadAsync(IQuerySession session, IReadOnlyCollection<Guid> ids, CancellationToken cancellation) =>
        await session.QueryAsync<MaturityTimeline>(Sql(session), cancellation, ids.ToArray());

    /// <summary>One partnership's timeline, as part of a batch of queries sent in one round trip.</summary>
    public static async Task<MaturityTimeline?> InBatch(IQuerySession session, IBatchedQuery batch, Guid id) =>
        (await batch.Query<MaturityTimeline>(Sql(session), new[] { id })).SingleOrDefault();

    /// <summary>
    /// Plain SQL rather than a LINQ projection: the same statement, without translating an expression tree on every
    /// read. It adds none of the filters LINQ would (tenancy, soft deletes): the maturity documents use neither;
    /// turning one on means adding it here.
    /// </summary>
    private static string Sql(IQuerySession session) =>
        $"select jsonb_build_object('Id', d.id, 'History', d.data -> 'History', 'EndedAt', d.data -> 'EndedAt') from {DocumentTables.Of<PartnershipMaturity>(session)} as d where d.id = any(?)";
}
