using PartnershipLedger.Model;
using PartnershipLedger.Partnerships;

namespace PartnershipLedger.Maturity;

/// <summary>
/// A partnership's maturity read at one business instant (asOf) on one system instant (knownAt), from its history
/// (the stored one, or with knownAt the one the facts known then give). Levels come from the history alone; the
/// answers that need the facts themselves (assessments, evidence, expiry) take the full document, which the
/// GraphQL fields load only when asked for them.
/// </summary>
public sealed class MaturityReading(MaturityTimeline timeline, MaturityEvaluator evaluator, DateTimeOffset asOf, DateTimeOffset? knownAt)
{
    private MaturityEvaluator.View? view;

    public Guid PartnershipId => timeline.Id;
    public DateTimeOffset AsOf { get; } = asOf;
    public DateTimeOffset? KnownAt { get; } = knownAt;
    public IReadOnlyList<MaturityChange> History => timeline.History;

    public IReadOnlyList<FunctionMaturity> Functions() => Enum.GetValues<BusinessFunction>().Select(Function).ToList();

    public FunctionMaturity Function(BusinessFunction function)
    {
        var evidenced = Latest(function, MaturityBasis.Evidenced);
        var assessed = Latest(function, MaturityBasis.Assessed);
        return new FunctionMaturity(this, function, evidenced?.To ?? MaturityLevel.Basic, assessed?.To, evidenced?.At);
    }

    private MaturityChange? Latest(BusinessFunction function, MaturityBasis basis) =>
        History.LastOrDefault(change => change.Function == function && change.Basis == basis && change.At <= AsOf);

    /// <summary>Each member's latest self-assessment of the function as of the reading.</summary>
    public IReadOnlyList<MaturityFact> Assessments(PartnershipMaturity partnership, BusinessFunction function) =>
        MaturityEvaluator.LatestAssessments(Facts(partnership), function, AsOf).OrderBy(fact => fact.OccurredAt).ToList();

    public IReadOnlyList<MaturityFact> Evidence(PartnershipMaturity partnership, BusinessFunction function, MaturityLevel level) =>
        evaluator.Evidence(Facts(partnership), function, level, AsOf).ToList();

    public DateTimeOffset? EvidenceExpiresAt(PartnershipMaturity partnership, BusinessFunction function) => evaluator.EvidenceExpiresAt(Facts(partnership), function, AsOf);

    /// <summary>The facts standing at knownAt, indexed once per reading (its ten functions share them).</summary>
    private MaturityEvaluator.View Facts(PartnershipMaturity partnership) =>
        LazyInitializer.EnsureInitialized(ref view, () => new MaturityEvaluator.View(partnership, KnownAt));

    public LevelRule? NextLevelRule(BusinessFunction function, MaturityLevel level) =>
        level == MaturityLevel.Dynamic ? null : evaluator.Rules.For(function).Single(rule => rule.Level == level + 1);
}

/// <param name="EvidencedLevel">The level the record shows.</param>
/// <param name="AssessedLevel">The lowest of the members' latest self-assessments; null until a member assessed the function.</param>
/// <param name="Since">When the evidenced level began.</param>
public sealed record FunctionMaturity(MaturityReading Reading, BusinessFunction Function, MaturityLevel EvidencedLevel, MaturityLevel? AssessedLevel, DateTimeOffset? Since)
{
    /// <summary>Assessed minus evidenced, in levels: positive when members say more than the record shows.</summary>
    public int? Gap => AssessedLevel is { } assessed ? (int)assessed - (int)EvidencedLevel : null;
}
