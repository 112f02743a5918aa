using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.GraphQL;

public sealed class MaturityModelQueryTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task The_model_query_returns_levels_functions_questions_bands_and_the_csat_template()
    {
        var model = (await Host.GraphQLAsync("""
            {
              maturityModel {
                version
                levels { level rank name }
                functions { function name levels { level framework } assessment { title questions { number text negativeSignal } bands { level min max published } } }
                csatSurvey { questions { number text } scale { answer label score } }
              }
            }
            """)).Data("maturityModel");

        Assert.Equal(["BASIC", "REACTIVE", "PROACTIVE", "DYNAMIC"], model.GetProperty("levels").EnumerateArray().Select(l => l.GetProperty("level").GetString()));
        var functions = model.GetProperty("functions").EnumerateArray().ToList();
        Assert.Equal(10, functions.Count);
        Assert.Equal("JOINT_BUSINESS_PLANNING", functions[0].GetProperty("function").GetString());
        Assert.Equal("CUSTOMER_RELATIONSHIPS_AND_SATISFACTION", functions[9].GetProperty("function").GetString());
        var agreement = functions[2].GetProperty("assessment");
        Assert.Equal("Do you have a basic Partner Non Disclosure Agreement (NDA) template?", agreement.GetProperty("questions")[0].GetProperty("text").GetString());
        Assert.Equal(7, agreement.GetProperty("questions").GetArrayLength());
        Assert.Equal("5+ Yes", agreement.GetProperty("bands")[3].GetProperty("published").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, agreement.GetProperty("bands")[3].GetProperty("max").ValueKind);
        Assert.Equal(6, model.GetProperty("csatSurvey").GetProperty("questions").GetArrayLength());
        Assert.Equal("CONSISTENTLY_MORE", model.GetProperty("csatSurvey").GetProperty("scale")[3].GetProperty("answer").GetString());
    }

    [Fact]
    public async Task One_function_can_be_asked_for_by_its_key()
    {
        var function = (await Host.GraphQLAsync("{ maturityModel { function(function: GEOGRAPHY) { name advice { area } assessment { questions { number } } } } }"))
            .Data("maturityModel").GetProperty("function");

        Assert.Equal("Geography", function.GetProperty("name").GetString());
        Assert.Equal(11, function.GetProperty("assessment").GetProperty("questions").GetArrayLength());
        Assert.Equal("Geography", function.GetProperty("advice").GetProperty("area").GetString());
    }

    [Theory]
    [InlineData("[true, true, true, true, false, false, false]", "PROACTIVE")]
    [InlineData("[true, true, true, true, true, false, false]", "DYNAMIC")]
    [InlineData("[false, false, false, false, false, false, false]", "BASIC")]
    public async Task A_self_assessment_is_scored_by_the_published_bands(string answers, string level)
    {
        var response = await Host.GraphQLAsync($"{{ scoreAssessment(function: AGREEMENT, answers: {answers}) }}");

        Assert.Equal(level, response.Data("scoreAssessment").GetString());
    }

    [Fact]
    public async Task Answers_not_matching_the_questionnaire_get_a_validation_error_naming_the_field()
    {
        var response = await Host.GraphQLAsync(
            "query Score($answers: [Boolean!]!) { scoreAssessment(function: RESOURCE_UTILIZATION, answers: $answers) }",
            new { answers = new[] { true, false } });

        var error = Assert.Single(response.Errors());
        Assert.Equal("VALIDATION", error.Code());
        Assert.Equal("answers", error.GetProperty("extensions").GetProperty("field").GetString());
        Assert.Contains("has 6 questions, but 2 answers were given", error.GetProperty("message").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, response.GetProperty("data").ValueKind);
    }

    [Fact]
    public async Task An_unknown_function_is_refused_before_execution()
    {
        var response = await Host.GraphQLAsync("{ scoreAssessment(function: PIPELINE, answers: [true]) }", expectedStatus: 200);

        Assert.Equal("ARGUMENTS_OF_CORRECT_TYPE", Assert.Single(response.Errors()).Code());
        Assert.False(response.TryGetProperty("data", out _));
    }
}
