using PartnershipLedger.Model;
using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Model;

/// <summary>The shipped model file holds the playbook's model, complete and in order.</summary>
public sealed class ModelFileTests
{
    private static readonly MaturityModel Model = MaturityModelLoader.Load(RepositoryFiles.Schema("maturity-model.json"));

    [Fact]
    public void The_model_has_the_four_levels_in_order() =>
        Assert.Equal(["Basic", "Reactive", "Proactive", "Dynamic"], Model.Levels.Select(level => level.Name));

    [Fact]
    public void The_model_has_the_ten_functions_in_the_playbooks_order() =>
        Assert.Equal(Enum.GetValues<BusinessFunction>(), Model.Functions.Select(function => function.Function));

    [Theory]
    [InlineData(BusinessFunction.JointBusinessPlanning, 11)]
    [InlineData(BusinessFunction.LeadsAndPipeline, 12)]
    [InlineData(BusinessFunction.Agreement, 7)]
    [InlineData(BusinessFunction.SalesCompensation, 11)]
    [InlineData(BusinessFunction.MarketMessaging, 8)]
    [InlineData(BusinessFunction.Geography, 11)]
    [InlineData(BusinessFunction.ResourceUtilization, 6)]
    [InlineData(BusinessFunction.ReadinessAndCertification, 11)]
    [InlineData(BusinessFunction.ProductAndCustomerSupport, 12)]
    [InlineData(BusinessFunction.CustomerRelationshipsAndSatisfaction, 10)]
    public void Each_questionnaire_has_every_question_of_the_playbook(BusinessFunction function, int questions)
    {
        var assessment = Model.Function(function).Assessment;
        Assert.Equal(questions, assessment.Questions.Count);
        Assert.Equal(Enumerable.Range(1, questions), assessment.Questions.Select(question => question.Number));
    }

    [Fact]
    public void The_geography_questionnaire_keeps_its_duplicated_question()
    {
        const string whiteSpace = "Have you identified new geographies where there is \"white space\" for your offerings?";
        var numbers = Model.Function(BusinessFunction.Geography).Assessment.Questions
            .Where(question => question.Text == whiteSpace).Select(question => question.Number);
        Assert.Equal([4, 7], numbers);
    }

    [Fact]
    public void Negative_signal_questions_are_marked()
    {
        var negative = Model.Functions.SelectMany(function => function.Assessment.Questions.Where(q => q.NegativeSignal).Select(q => q.Text)).ToList();
        Assert.Contains("Do you receive partner leads at random?", negative);
        Assert.Contains("Are you only dealing with CSAT when brought to your attention via the client?", negative);
        Assert.DoesNotContain("Do you share leads with partners?", negative);
        Assert.Equal(7, negative.Count);
    }

    [Fact]
    public void Every_function_describes_every_level()
    {
        foreach (var function in Model.Functions)
        {
            Assert.Equal(Enum.GetValues<MaturityLevel>(), function.Levels.Select(level => level.Level));
            Assert.All(function.Levels, level => Assert.NotEmpty(level.Overview));
        }
        Assert.Equal("Letter of intent", Model.Function(BusinessFunction.Agreement).Levels[2].Framework);
    }

    [Fact]
    public void The_playbooks_action_tables_are_kept_where_it_has_them()
    {
        var withActions = Model.Functions.Where(function => function.Actions.Count > 0).Select(function => function.Function);
        Assert.Equal([BusinessFunction.SalesCompensation, BusinessFunction.MarketMessaging, BusinessFunction.ResourceUtilization], withActions);
    }

    [Fact]
    public void The_csat_template_has_its_six_questions_on_a_four_point_scale()
    {
        var survey = Model.CsatSurvey;
        Assert.Equal(["1", "1a", "1b", "1c", "2", "2a"], survey.Questions.Select(question => question.Number));
        Assert.Equal(Enum.GetValues<CsatAnswer>(), survey.Scale.Select(point => point.Answer));
        Assert.Equal([1, 2, 3, 4], survey.Scale.Select(point => point.Score));
        Assert.Equal("Less than desirable", survey.Questions[4].Labels[0]);
    }

    [Fact]
    public void The_partner_ecosystem_lists_every_partner_type() =>
        Assert.Equal(Enum.GetValues<PartnerType>(), Model.PartnerTypes.Select(type => type.Type));
}
