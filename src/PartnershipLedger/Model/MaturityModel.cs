namespace PartnershipLedger.Model;

/// <summary>
/// The IAMCP P2P Maturity Model as shipped in <c>schema/maturity-model.json</c>: levels, the ten business
/// functions with their texts and questionnaires, the partner ecosystem and the CSAT survey template.
/// Built only by <see cref="MaturityModelLoader"/>, which guarantees every function and level is present.
/// </summary>
public sealed record MaturityModel(
    string Version,
    string Name,
    IReadOnlyList<LevelDefinition> Levels,
    IReadOnlyList<PartnerTypeDefinition> PartnerTypes,
    IReadOnlyList<FunctionDefinition> Functions,
    IReadOnlyList<string> PipelineStages,
    CsatSurveyTemplate CsatSurvey)
{
    public FunctionDefinition Function(BusinessFunction function) => Functions.Single(f => f.Function == function);
}

public sealed record LevelDefinition(MaturityLevel Level, string Name, string Description)
{
    public int Rank => (int)Level;
}

public sealed record PartnerTypeDefinition(PartnerType Type, string Name, string? Abbreviation, string Description);

public sealed record FunctionDefinition(
    BusinessFunction Function,
    string Name,
    IReadOnlyList<string> Definition,
    string DefinitionSource,
    IReadOnlyList<FunctionLevelDefinition> Levels,
    FunctionAdvice? Advice,
    IReadOnlyList<RecommendedAction> Actions,
    Questionnaire Assessment);

/// <summary>What one level of one function looks like: the framework cell and the overview bullets of 000.</summary>
public sealed record FunctionLevelDefinition(MaturityLevel Level, string Framework, IReadOnlyList<string> Overview);

/// <summary>The advice of the 001 essay for one area.</summary>
public sealed record FunctionAdvice(string Area, IReadOnlyList<string> Text);

/// <summary>A "take actions / leverage these resources" row of the playbook.</summary>
public sealed record RecommendedAction(string Action, string Resource);

public sealed record CsatSurveyTemplate(
    string Title,
    string Introduction,
    IReadOnlyList<string> Fields,
    IReadOnlyList<CsatScalePoint> Scale,
    IReadOnlyList<CsatQuestion> Questions);

public sealed record CsatScalePoint(CsatAnswer Answer, string Label, int Score);

/// <summary>A survey question; <see cref="Labels"/> are its own wording of the 4 scale points, lowest first.</summary>
public sealed record CsatQuestion(string Number, string Text, IReadOnlyList<string> Labels);
