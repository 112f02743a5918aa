using PartnershipLedger.Model;
using PartnershipLedger.Partnerships;

namespace PartnershipLedger.Maturity;

/// <summary>
/// A partnership's maturity read at one business instant (asOf) on one system instant (knownAt). With knownAt
/// omitted the precomputed history answers; with knownAt the facts known then are evaluated again.
/// </summary>
public sealed class MaturityReading
{
    private readonly MaturityEvaluator evaluator;
    private readonly Lazy<MaturityEvaluator.View> view;

    public MaturityReading(PartnershipMaturity partnership, MaturityEvaluator evaluator, DateTimeOffset asOf, DateTimeOffset? knownAt)
    {
        this.evaluator = evaluator;
        Partnership = partnership;
        AsOf = asOf;
        KnownAt = knownAt;
        History = knownAt is null ? partnership.History : evaluator.History(partnership, knownAt);
        view = new Lazy<MaturityEvaluator.View>(() => new MaturityEvaluator.View(partnership, knownAt));
    }

    public PartnershipMaturity Partnership { get; }
    public DateTimeOffset AsOf { get; }
    public DateTimeOffset? KnownAt { get; }
    public IReadOnlyList<MaturityChange> History { get; }

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
    public IReadOnlyList<MaturityFact> Assessments(BusinessFunction function) =>
        MaturityEvaluator.LatestAssessments(view.Value.Of(nameof(SelfAssessmentRecorded)).Where(fact => fact.Text("function") == MaturityEvaluator.FunctionKey(function)), AsOf)
            .OrderBy(fact => fact.OccurredAt).ToList();

    public IReadOnlyList<MaturityFact> Evidence(BusinessFunction function, MaturityLevel level) => evaluator.Evidence(view.Value, function, level, AsOf).ToList();

    public DateTimeOffset? EvidenceExpiresAt(BusinessFunction function) => evaluator.EvidenceExpiresAt(view.Value, function, AsOf);

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
