using Marten;
using Marten.Services.BatchQuerying;

namespace PartnershipLedger.Maturity;

/// <summary>
/// A partnership's maturity timeline, a document of its own beside its <see cref="PartnershipMaturity"/>: the history
/// of every change of level (as known now) and when the partnership ended. It is what reads of levels at any business
/// instant, histories, trends and the portfolio trend projection need, and is small beside the facts, so those reads
/// load it by id as they load any document (one row, a few kB) and never fetch or deserialize the facts.
/// Written wherever the maturity document is: the inline projection at every event, the import and the rebuild.
/// </summary>
public sealed class MaturityTimeline
{
    public Guid Id { get; set; }

    /// <summary>The version of the maturity document it was derived with (its stream's version then).</summary>
    public long Version { get; set; }

    /// <summary>Every change of level, evidenced and assessed, all functions, by business time (as known now).</summary>
    public List<MaturityChange> History { get; set; } = [];

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The timeline of a maturity document whose history has been derived (<see cref="PartnershipMaturityProjection.Complete"/>).</summary>
    public static MaturityTimeline Of(PartnershipMaturity partnership) =>
        new() { Id = partnership.Id, Version = partnership.Version, History = partnership.History, EndedAt = partnership.EndedAt };

    /// <summary>
    /// The timelines of these partnerships. A partnership with a maturity document but no timeline (a document written
    /// before timelines were stored; it gets one at its next event or a rebuild) is answered from its facts.
    /// </summary>
    public static async Task<IReadOnlyList<MaturityTimeline>> LoadAsync(
        IQuerySession session, MaturityEvaluator evaluator, IReadOnlyCollection<Guid> ids, CancellationToken cancellation)
    {
        var timelines = (await session.LoadManyAsync<MaturityTimeline>(cancellation, ids.ToArray())).ToList();
        if (timelines.Count == ids.Count) return timelines;
        var missing = ids.Except(timelines.Select(timeline => timeline.Id)).ToArray();
        foreach (var partnership in await session.LoadManyAsync<PartnershipMaturity>(cancellation, missing))
            timelines.Add(FromFacts(partnership, evaluator));
        return timelines;
    }

    /// <summary>The timeline derived from the document's facts, as the projection derives it.</summary>
    public static MaturityTimeline FromFacts(PartnershipMaturity partnership, MaturityEvaluator evaluator) =>
        new() { Id = partnership.Id, Version = partnership.Version, History = evaluator.History(partnership).ToList(), EndedAt = partnership.EndedAt };

    /// <summary>
    /// Whole maturity documents with their history: the stored timeline's when it was derived with the same version of
    /// the document (stored in the same transaction, fetched in one round trip); otherwise (a command recorded between
    /// the two reads, or no timeline stored yet) derived from the document's facts, so levels and evidence always come
    /// from the same facts.
    /// </summary>
    public static async Task<IReadOnlyList<PartnershipMaturity>> LoadDocumentsAsync(
        IQuerySession session, MaturityEvaluator evaluator, IReadOnlyCollection<Guid> ids, CancellationToken cancellation)
    {
        var batch = session.CreateBatchQuery();
        var documents = batch.LoadMany<PartnershipMaturity>().ById(ids.ToArray());
        var timelines = batch.LoadMany<MaturityTimeline>().ById(ids.ToArray());
        await batch.Execute(cancellation);
        var stored = (await timelines).ToDictionary(timeline => timeline.Id);
        var loaded = await documents;
        foreach (var document in loaded)
            document.History = stored.TryGetValue(document.Id, out var timeline) && timeline.Version == document.Version
                ? timeline.History
                : evaluator.History(document).ToList();
        return loaded;
    }

    /// <summary>One partnership's stored timeline, as part of a batch of queries sent in one round trip (null if not stored).</summary>
    public static Task<MaturityTimeline?> InBatch(IBatchedQuery batch, Guid id) => batch.Load<MaturityTimeline>(id);
}
