using PartnershipLedger.Model;
using PartnershipLedger.Tests.Hosting;
using PartnershipLedger.Recording;
using static PartnershipLedger.Model.BusinessFunction;
using static PartnershipLedger.Model.MaturityLevel;

namespace PartnershipLedger.Tests.Model;

/// <summary>
/// Every band edge of every function, written out from the playbook's published bands. The rule: a level is
/// reached at its band's lowest number; a count in a gap stays at the level below; an overlap goes up.
/// </summary>
public sealed class ScoringTests
{
    private static readonly MaturityModel Model = MaturityModelLoader.Load(RepositoryFiles.Schema("maturity-model.json"));

    public static TheoryData<BusinessFunction, int, MaturityLevel> BandEdges => new()
    {
        // Joint business planning: 0 / 1-3 / 3-5 / 6+ (11 questions); 3 is in both bands and reaches Proactive
        { JointBusinessPlanning, 0, Basic }, { JointBusinessPlanning, 1, Reactive }, { JointBusinessPlanning, 2, Reactive },
        { JointBusinessPlanning, 3, Proactive }, { JointBusinessPlanning, 5, Proactive }, { JointBusinessPlanning, 6, Dynamic },
        { JointBusinessPlanning, 11, Dynamic },
        // Leads and pipeline: 0 / 1-3 / 3-5 / 6+ (12 questions)
        { LeadsAndPipeline, 0, Basic }, { LeadsAndPipeline, 1, Reactive }, { LeadsAndPipeline, 2, Reactive },
        { LeadsAndPipeline, 3, Proactive }, { LeadsAndPipeline, 5, Proactive }, { LeadsAndPipeline, 6, Dynamic },
        { LeadsAndPipeline, 12, Dynamic },
        // Agreement: 0 / 1-3 / 4-5 / 5+ (7 questions); 5 is in both bands and reaches Dynamic
        { Agreement, 0, Basic }, { Agreement, 1, Reactive }, { Agreement, 3, Reactive }, { Agreement, 4, Proactive },
        { Agreement, 5, Dynamic }, { Agreement, 7, Dynamic },
        // Sales compensation: 0 / 1-3 / 3-5 / 8+ (11 questions); 6 and 7 are a gap and stay Proactive
        { SalesCompensation, 0, Basic }, { SalesCompensation, 1, Reactive }, { SalesCompensation, 2, Reactive },
        { SalesCompensation, 3, Proactive }, { SalesCompensation, 5, Proactive }, { SalesCompensation, 6, Proactive },
        { SalesCompensation, 7, Proactive }, { SalesCompensation, 8, Dynamic }, { SalesCompensation, 11, Dynamic },
        // Market messaging: 0 / 1-3 / 4-5 / 7+ (8 questions); 6 is a gap and stays Proactive
        { MarketMessaging, 0, Basic }, { MarketMessaging, 1, Reactive }, { MarketMessaging, 3, Reactive },
        { MarketMessaging, 4, Proactive }, { MarketMessaging, 5, Proactive }, { MarketMessaging, 6, Proactive },
        { MarketMessaging, 7, Dynamic }, { MarketMessaging, 8, Dynamic },
        // Geography: 0 / 1-3 / 3-5 / 8+ (11 questions); 6 and 7 are a gap and stay Proactive
        { Geography, 0, Basic }, { Geography, 1, Reactive }, { Geography, 2, Reactive }, { Geography, 3, Proactive },
        { Geography, 5, Proactive }, { Geography, 6, Proactive }, { Geography, 7, Proactive }, { Geography, 8, Dynamic },
        { Geography, 11, Dynamic },
        // Resource utilization: 0 / 1-2 / 3-4 / 5+ (6 questions)
        { ResourceUtilization, 0, Basic }, { ResourceUtilization, 1, Reactive }, { ResourceUtilization, 2, Reactive },
        { ResourceUtilization, 3, Proactive }, { ResourceUtilization, 4, Proactive }, { ResourceUtilization, 5, Dynamic },
        { ResourceUtilization, 6, Dynamic },
        // Readiness and certification: 0 / 1-3 / 3-5 / 6+ (11 questions)
        { ReadinessAndCertification, 0, Basic }, { ReadinessAndCertification, 1, Reactive }, { ReadinessAndCertification, 2, Reactive },
        { ReadinessAndCertification, 3, Proactive }, { ReadinessAndCertification, 5, Proactive }, { ReadinessAndCertification, 6, Dynamic },
        { ReadinessAndCertification, 11, Dynamic },
        // Product and customer support: 0 / 1-3 / 3-5 / 6+ (12 questions)
        { ProductAndCustomerSupport, 0, Basic }, { ProductAndCustomerSupport, 1, Reactive }, { ProductAndCustomerSupport, 2, Reactive },
        { ProductAndCustomerSupport, 3, Proactive }, { ProductAndCustomerSupport, 5, Proactive }, { ProductAndCustomerSupport, 6, Dynamic },
        { ProductAndCustomerSupport, 12, Dynamic },
        // Customer relationships and satisfaction: 0 / 1-3 / 3-5 / 6+ (10 questions)
        { CustomerRelationshipsAndSatisfaction, 0, Basic }, { CustomerRelationshipsAndSatisfaction, 1, Reactive },
        { CustomerRelationshipsAndSatisfaction, 2, Reactive }, { CustomerRelationshipsAndSatisfaction, 3, Proactive },
        { CustomerRelationshipsAndSatisfaction, 5, Proactive }, { CustomerRelationshipsAndSatisfaction, 6, Dynamic },
        { CustomerRelationshipsAndSatisfaction, 10, Dynamic },
    };

    [Theory]
    [MemberData(nameof(BandEdges))]
    public void A_yes_count_scores_the_level_of_the_highest_band_it_reaches(BusinessFunction function, int yesCount, MaturityLevel expected)
    {
        var assessment = Model.Function(function).Assessment;
        var answers = Enumerable.Range(0, assessment.Questions.Count).Select(i => i < yesCount).ToList();

        Assert.Equal(expected, assessment.Score(answers));
        Assert.Equal(expected, assessment.Score(answers.AsEnumerable().Reverse().ToList()));
    }

    [Fact]
    public void The_published_bands_are_kept_as_published()
    {
        var bands = Model.Function(SalesCompensation).Assessment.Bands;
        Assert.Equal(["0 Yes", "1-3 Yes", "3-5 Yes", "8+ Yes"], bands.Select(band => band.Published));
        Assert.Equal([0, 1, 3, 8], bands.Select(band => band.Min));
        Assert.Equal([0, 3, 5, (int?)null], bands.Select(band => band.Max));
    }

    [Fact]
    public void Negative_signal_questions_count_as_yes_like_any_other()
    {
        var assessment = Model.Function(LeadsAndPipeline).Assessment;
        var answers = assessment.Questions.Select(question => question.NegativeSignal).ToList();

        Assert.Equal(2, answers.Count(yes => yes));
        Assert.Equal(Reactive, assessment.Score(answers));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(8)]
    public void Answers_that_do_not_match_the_questionnaire_are_refused(int count)
    {
        var refused = Assert.Throws<ValidationFailedException>(() => Model.Function(Agreement).Assessment.Score(new bool[count]));

        var problem = Assert.Single(refused.Problems);
        Assert.Equal("answers", problem.Field);
        Assert.Contains($"has 7 questions, but {count} answers were given", problem.Message);
    }
}
