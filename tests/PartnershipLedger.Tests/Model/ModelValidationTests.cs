using System.Text.Json.Nodes;
using PartnershipLedger.Model;
using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Model;

/// <summary>A broken model file is refused with a message naming each fault by its place in the file.</summary>
public sealed class ModelValidationTests
{
    private static readonly string ShippedModel = File.ReadAllText(RepositoryFiles.Schema("maturity-model.json"));

    private static InvalidMaturityModelException Refuse(Action<JsonObject> breakIt)
    {
        var model = JsonNode.Parse(ShippedModel)!.AsObject();
        breakIt(model);
        return Assert.Throws<InvalidMaturityModelException>(() => MaturityModelLoader.Parse(model.ToJsonString(), "test model"));
    }

    private static JsonObject Function(JsonObject model, int index) => model["functions"]![index]!.AsObject();

    [Fact]
    public void The_shipped_model_is_valid() => MaturityModelLoader.Parse(ShippedModel);

    [Fact]
    public void A_file_that_is_not_json_is_refused()
    {
        var refused = Assert.Throws<InvalidMaturityModelException>(() => MaturityModelLoader.Parse("{ \"levels\": [ ", "test model"));
        Assert.Contains("not valid JSON", refused.Message);
    }

    [Fact]
    public void A_missing_file_is_refused_with_its_path()
    {
        var refused = Assert.Throws<InvalidMaturityModelException>(() => MaturityModelLoader.Load("/nowhere/model.json"));
        Assert.Contains("/nowhere/model.json", refused.Message);
        Assert.Contains("does not exist", refused.Message);
    }

    [Fact]
    public void A_missing_function_is_refused()
    {
        var refused = Refuse(model => model["functions"]!.AsArray().RemoveAt(4));
        Assert.Contains(refused.Faults, fault => fault.StartsWith("functions: must list every BusinessFunction once"));
    }

    [Fact]
    public void An_unknown_level_key_is_refused()
    {
        var refused = Refuse(model => Function(model, 2)["assessment"]!["bands"]![3]!["level"] = "DYNAMC");
        Assert.Contains(refused.Faults, fault => fault.Contains("functions[2] (AGREEMENT).assessment.bands[3].level: 'DYNAMC' is not a MaturityLevel"));
    }

    [Fact]
    public void Bands_whose_lowest_numbers_do_not_rise_are_refused()
    {
        var refused = Refuse(model => Function(model, 0)["assessment"]!["bands"]![2]!["min"] = 1);
        Assert.Contains(refused.Faults, fault => fault.StartsWith("functions[0] (JOINT_BUSINESS_PLANNING).assessment.bands[2].min: must be above the previous band's min"));
    }

    [Fact]
    public void A_top_band_beyond_the_number_of_questions_is_refused()
    {
        var refused = Refuse(model => Function(model, 6)["assessment"]!["bands"]![3]!["min"] = 9);
        Assert.Contains(refused.Faults, fault => fault.Contains("needs 9 yes answers but there are only 6 questions"));
    }

    [Fact]
    public void An_empty_question_is_refused()
    {
        var refused = Refuse(model => Function(model, 1)["assessment"]!["questions"]![0]!["text"] = " ");
        Assert.Contains("functions[1] (LEADS_AND_PIPELINE).assessment.questions[0].text: is missing or empty", refused.Faults);
    }

    [Fact]
    public void A_level_missing_from_a_function_is_refused()
    {
        var refused = Refuse(model => Function(model, 3)["levels"]!.AsObject().Remove("PROACTIVE"));
        Assert.Contains("functions[3] (SALES_COMPENSATION).levels.PROACTIVE: is missing", refused.Faults);
    }

    [Fact]
    public void An_unknown_property_is_refused_so_typos_show()
    {
        var refused = Refuse(model => Function(model, 0)["assesment"] = new JsonObject());
        Assert.Contains("assesment", refused.Message);
    }

    [Fact]
    public void A_csat_scale_that_is_not_four_points_is_refused()
    {
        var refused = Refuse(model => model["csatSurvey"]!["scale"]!.AsArray().RemoveAt(3));
        Assert.Contains(refused.Faults, fault => fault.StartsWith("csatSurvey.scale: must list every CsatAnswer once"));
    }

    [Fact]
    public void Every_fault_is_reported_at_once()
    {
        var refused = Refuse(model =>
        {
            model["modelVersion"] = "";
            Function(model, 9)["name"] = null;
        });
        Assert.Equal(2, refused.Faults.Count);
        Assert.Contains("2 faults", refused.Message);
    }
}
