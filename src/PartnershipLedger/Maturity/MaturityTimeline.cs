using Marten;

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
    /// <summary>
    /// The format of <see cref="History"/>, part of <see cref="MaturityEvaluator.RulesFingerprint"/>: 2 keeps each change's
    /// cause, not its reason in words (format 1 did; those are derived again from the facts when read, until stored again).
    /// </summary>
    public const int Format = 2;

    public Guid Id { get; set; }

    /// <summary>The version of the maturity document it was derived with (its stream's version then).</summary>
    public long Version { get; set; }

    /// <summary>Every change of level, evidenced and assessed, all functions, by business time (as known now).</summary>
    public List<MaturityChange> History { get; set; } = [];

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The <see cref="MaturityEvaluator.RulesFingerprint"/> of the rules it was derived under.</summary>
    public string Rules { get; set; } = "";

    /// <summary>Whether it is the history these rules give (of <paramref name="document"/>'s version, when given).</summary>
    public bool IsCurrent(MaturityEvaluator evaluator, PartnershipMaturity? document = null) =>
        Rules == evaluator.RulesFingerprint && (document is null || Version == document.Version);

    /// <summary>The timeline of a maturity document whose history has been derived (<see cref="PartnershipMaturityProjection.Complete"/>).</summary>
    public static MaturityTimeline Of(PartnershipMaturity partnership, MaturityEvaluator evaluator) => With(partnership, evaluator, partnership.History);

    /// <summary>
    /// The timeline derived from the document's facts, as the projection derives it; with <paramref name="knownAt"/>,
    /// from the facts the ledger knew then (a read of the past, never stored).
    /// </summary>
    public static MaturityTimeline FromFacts(PartnershipMaturity partnership, MaturityEvaluator evaluator, DateTimeOffset? knownAt = null) =>
        With(partnership, evaluator, evaluator.History(partnership, knownAt));

    private static MaturityTimeline With(PartnershipMaturity partnership, MaturityEvaluator evaluator, List<MaturityChange> history) => new()
    {
        Id = partnership.Id, Version = partnership.Version, History = history, EndedAt = partnership.EndedAt, Rules = evaluator.RulesFingerprint,
    };

    /// <summary>
    /// The timelines of these partnerships. A partnership whose timeline is missing (a document written before timelines
    /// were stored) or was derived under other rules (evidence-rules.json or the look-back changed since; it is stored
    /// again at the partnership's next event or a rebuild) is answered from its maturity document's facts.
    /// </summary>
    public static async Task<IReadOnlyList<MaturityTimeline>> LoadAsync(
        IQuerySession session, MaturityEvaluator evaluator, IReadOnlyCollection<Guid> ids, CancellationToken cancellation)
    {
        var timelines = (await session.LoadManyAsync<MaturityTimeline>(cancellation, ids.ToArray())).Where(timeline => timeline.IsCurrent(evaluator)).ToList();
        if (timelines.Count == ids.Count) return timelines;
        var missing = ids.Except(timelines.Select(timeline => timeline.Id)).ToArray();
        foreach (var partnership in await session.LoadManyAsync<PartnershipMaturity>(cancellation, missing))
            timelines.Add(FromFacts(partnership, evaluator));
        return timelines;
    }

    /// <summary>
    /// <paramref name="stored"/> when it is current under these rules; otherwise the timeline derived from the maturity
    /// document's facts (null without a document: the projection lags).
    /// </summary>
    public static MaturityTimeline? CurrentOrFromFacts(MaturityTimeline? stored, PartnershipMaturity? document, MaturityEvaluator evaluator) =>
        stored is not null && stored.IsCurrent(evaluator) ? stored : document is null ? null : FromFacts(document, evaluator);

    /// <summary>
    /// Whole maturity documents, with their stored history when it was derived from that version of the document under
    /// today's rules (stored in the same transaction, fetched in the same round trip; <see cref="PartnershipMaturity.HasHistory"/>).
    /// Otherwise (a command recorded between the two reads, another rule set, no timeline yet) the history is left to
    /// be derived from the document's facts by whoever needs it, so levels and evidence always come from the same facts.
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
            if (stored.TryGetValue(document.Id, out var timeline) && timeline.IsCurrent(evaluator, document))
                document.UseHistory(timeline.History);
        return loaded;
    }

}
