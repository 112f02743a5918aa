using System.Text.Json;
using GraphQL;

namespace PartnershipLedger.Model;

/// <summary>
/// Reads and validates the maturity model file. A broken file is refused with every fault named by its
/// path in the file (e.g. <c>functions[2].assessment.bands[1].min</c>), so start-up fails with a message
/// a person can act on.
/// </summary>
public static class MaturityModelLoader
{
    public static MaturityModel Load(string path)
    {
        if (!File.Exists(path))
            throw new InvalidMaturityModelException(path, [$"the file does not exist (full path: {Path.GetFullPath(path)})"]);
        return Parse(File.ReadAllText(path), path);
    }

    public static MaturityModel Parse(string json, string source = "maturity model")
    {
        MaturityModelFile? file;
        try
        {
            file = JsonSerializer.Deserialize(json, MaturityModelFileContext.Default.MaturityModelFile);
        }
        catch (JsonException ex)
        {
            throw new InvalidMaturityModelException(source, [$"not valid JSON for the model: {ex.Message}"]);
        }
        var faults = new Faults();
        var model = file is null ? null : new Reader(faults).Read(file);
        if (model is null || faults.Any)
            throw new InvalidMaturityModelException(source, faults.Any ? faults.Found : ["the file is empty"]);
        return model;
    }

    private sealed class Faults
    {
        public List<string> Found { get; } = [];
        public bool Any => Found.Count > 0;
        public void Add(string path, string problem) => Found.Add($"{path}: {problem}");

        public string Text(string path, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) Add(path, "is missing or empty");
            return value ?? "";
        }

        public IReadOnlyList<T> Required<T>(string path, List<T>? values)
        {
            if (values is null || values.Count == 0) Add(path, "is missing or empty");
            return values ?? [];
        }

        public IReadOnlyList<string> Texts(string path, List<string>? values) =>
            Required(path, values).Select((value, i) => Text($"{path}[{i}]", value)).ToList();

        public TEnum Key<TEnum>(string path, string? key) where TEnum : struct, Enum
        {
            var match = Enum.GetValues<TEnum>().Where(value => value.ToString().ToConstantCase() == key).ToList();
            if (match.Count == 1) return match[0];
            var allowed = string.Join(", ", Enum.GetValues<TEnum>().Select(value => value.ToString().ToConstantCase()));
            Add(path, $"'{key}' is not a {typeof(TEnum).Name}; expected one of {allowed}");
            return default;
        }

        /// <summary>Every value of the enum exactly once, in declaration order.</summary>
        public void CoversInOrder<TEnum>(string path, IEnumerable<TEnum> found) where TEnum : struct, Enum
        {
            var expected = Enum.GetValues<TEnum>();
            if (!found.SequenceEqual(expected))
                Add(path, $"must list every {typeof(TEnum).Name} once, in this order: " +
                          string.Join(", ", expected.Select(value => value.ToString().ToConstantCase())));
        }
    }

    private sealed class Reader(Faults faults)
    {
        public MaturityModel Read(MaturityModelFile file)
        {
            var levels = faults.Required("levels", file.Levels).Select((level, i) => ReadLevel($"levels[{i}]", level)).ToList();
            faults.CoversInOrder("levels", levels.Select(level => level.Level));

            var partnerTypes = faults.Required("partnerTypes", file.PartnerTypes)
                .Select((type, i) => new PartnerTypeDefinition(
                    faults.Key<PartnerType>($"partnerTypes[{i}].key", type.Key),
                    faults.Text($"partnerTypes[{i}].name", type.Name),
                    type.Abbreviation,
                    faults.Text($"partnerTypes[{i}].description", type.Description)))
                .ToList();
            faults.CoversInOrder("partnerTypes", partnerTypes.Select(type => type.Type));

            var functions = faults.Required("functions", file.Functions).Select((function, i) => ReadFunction($"functions[{i}]", function)).ToList();
            faults.CoversInOrder("functions", functions.Select(function => function.Function));

            return new MaturityModel(
                faults.Text("modelVersion", file.ModelVersion),
                faults.Text("name", file.Name),
                levels,
                partnerTypes,
                functions,
                faults.Texts("pipelineStages", file.PipelineStages),
                ReadCsatSurvey("csatSurvey", file.CsatSurvey));
        }

        private LevelDefinition ReadLevel(string path, LevelFile level)
        {
            var key = faults.Key<MaturityLevel>($"{path}.key", level.Key);
            if (level.Rank != (int)key) faults.Add($"{path}.rank", $"must be {(int)key} for {level.Key}");
            return new LevelDefinition(key, faults.Text($"{path}.name", level.Name), faults.Text($"{path}.description", level.Description));
        }

        private FunctionDefinition ReadFunction(string path, FunctionFile function)
        {
            var key = faults.Key<BusinessFunction>($"{path}.key", function.Key);
            path = $"{path} ({function.Key})";
            var levels = Enum.GetValues<MaturityLevel>().Select(level =>
            {
                var levelKey = level.ToString().ToConstantCase();
                var levelPath = $"{path}.levels.{levelKey}";
                if (function.Levels is null || !function.Levels.TryGetValue(levelKey, out var cell))
                {
                    faults.Add(levelPath, "is missing");
                    return new FunctionLevelDefinition(level, "", []);
                }
                return new FunctionLevelDefinition(level, faults.Text($"{levelPath}.framework", cell.Framework), faults.Texts($"{levelPath}.overview", cell.Overview));
            }).ToList();
            foreach (var extra in function.Levels?.Keys.Except(levels.Select(l => l.Level.ToString().ToConstantCase())) ?? [])
                faults.Add($"{path}.levels.{extra}", "is not a MaturityLevel");

            var advice = function.Advice is null
                ? null
                : new FunctionAdvice(faults.Text($"{path}.advice.area", function.Advice.Area), faults.Texts($"{path}.advice.text", function.Advice.Text));
            var actions = (function.Actions ?? []).Select((action, i) => new RecommendedAction(
                faults.Text($"{path}.actions[{i}].action", action.Action),
                faults.Text($"{path}.actions[{i}].resource", action.Resource))).ToList();

            return new FunctionDefinition(
                key,
                faults.Text($"{path}.name", function.Name),
                faults.Texts($"{path}.definition", function.Definition),
                faults.Text($"{path}.definitionSource", function.DefinitionSource),
                levels,
                advice,
                actions,
                ReadQuestionnaire($"{path}.assessment", function.Assessment));
        }

        private Questionnaire ReadQuestionnaire(string path, AssessmentFile? assessment)
        {
            if (assessment is null)
            {
                faults.Add(path, "is missing");
                return new Questionnaire("", [], []);
            }
            var questions = faults.Required($"{path}.questions", assessment.Questions)
                .Select((question, i) => new Question(i + 1, faults.Text($"{path}.questions[{i}].text", question.Text), question.NegativeSignal ?? false))
                .ToList();
            var bands = faults.Required($"{path}.bands", assessment.Bands).Select((band, i) =>
            {
                var bandPath = $"{path}.bands[{i}]";
                if (band.Min is null or < 0) faults.Add($"{bandPath}.min", "must be a whole number, 0 or more");
                if (band.Max is { } max && max < (band.Min ?? 0)) faults.Add($"{bandPath}.max", "must not be below min");
                return new ScoringBand(faults.Key<MaturityLevel>($"{bandPath}.level", band.Level), band.Min ?? 0, band.Max, faults.Text($"{bandPath}.published", band.Published));
            }).ToList();

            faults.CoversInOrder($"{path}.bands", bands.Select(band => band.Level));
            if (bands.Count > 0 && bands[0].Min != 0) faults.Add($"{path}.bands[0].min", "the lowest band must start at 0 yes answers");
            for (var i = 1; i < bands.Count; i++)
                if (bands[i].Min <= bands[i - 1].Min)
                    faults.Add($"{path}.bands[{i}].min", $"must be above the previous band's min ({bands[i - 1].Min}), or the level below could never be reached");
            if (bands.Count > 0 && questions.Count > 0 && bands[^1].Min > questions.Count)
                faults.Add($"{path}.bands[{bands.Count - 1}].min", $"needs {bands[^1].Min} yes answers but there are only {questions.Count} questions");

            return new Questionnaire(faults.Text($"{path}.title", assessment.Title), questions, bands);
        }

        private CsatSurveyTemplate ReadCsatSurvey(string path, CsatSurveyFile? survey)
        {
            if (survey is null)
            {
                faults.Add(path, "is missing");
                return new CsatSurveyTemplate("", "", [], [], []);
            }
            var scale = faults.Required($"{path}.scale", survey.Scale).Select((point, i) =>
            {
                if (point.Score != i + 1) faults.Add($"{path}.scale[{i}].score", $"must be {i + 1}: the scale runs 1 to 4, lowest first");
                return new CsatScalePoint(faults.Key<CsatAnswer>($"{path}.scale[{i}].key", point.Key), faults.Text($"{path}.scale[{i}].label", point.Label), point.Score ?? 0);
            }).ToList();
            faults.CoversInOrder($"{path}.scale", scale.Select(point => point.Answer));

            var questions = faults.Required($"{path}.questions", survey.Questions).Select((question, i) =>
            {
                var labels = faults.Texts($"{path}.questions[{i}].labels", question.Labels);
                if (labels.Count != scale.Count) faults.Add($"{path}.questions[{i}].labels", $"must name each of the {scale.Count} scale points");
                return new CsatQuestion(faults.Text($"{path}.questions[{i}].number", question.Number), faults.Text($"{path}.questions[{i}].text", question.Text), labels);
            }).ToList();

            return new CsatSurveyTemplate(
                faults.Text($"{path}.title", survey.Title),
                faults.Text($"{path}.introduction", survey.Introduction),
                faults.Texts($"{path}.fields", survey.Fields),
                scale,
                questions);
        }
    }
}

public sealed class InvalidMaturityModelException(string source, IReadOnlyList<string> faults)
    : Exception($"The maturity model '{source}' is invalid ({faults.Count} fault{(faults.Count == 1 ? "" : "s")}):{Environment.NewLine}" +
                string.Join(Environment.NewLine, faults.Select(fault => $"  - {fault}")))
{
    public IReadOnlyList<string> Faults { get; } = faults;
}
