using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartnershipLedger.Model;

// The shape of schema/maturity-model.json, as read: everything optional so that the loader, not the JSON
// reader, decides what is missing and says so by path. Unknown properties are refused (typos show up).
internal sealed record MaturityModelFile(
    string? ModelVersion,
    string? Name,
    List<SourceFile>? Sources,
    List<LevelFile>? Levels,
    List<PartnerTypeFile>? PartnerTypes,
    List<FunctionFile>? Functions,
    List<string>? PipelineStages,
    CsatSurveyFile? CsatSurvey);

internal sealed record SourceFile(string? Id, string? Title, string? Publisher, string? Author);

internal sealed record LevelFile(string? Key, string? Name, int? Rank, string? Description);

internal sealed record PartnerTypeFile(string? Key, string? Name, string? Abbreviation, string? Description);

internal sealed record FunctionFile(
    string? Key,
    string? Name,
    List<string>? Definition,
    string? DefinitionSource,
    Dictionary<string, FunctionLevelFile>? Levels,
    AdviceFile? Advice,
    List<ActionFile>? Actions,
    AssessmentFile? Assessment);

internal sealed record FunctionLevelFile(string? Framework, List<string>? Overview);

internal sealed record AdviceFile(string? Area, List<string>? Text);

internal sealed record ActionFile(string? Action, string? Resource);

internal sealed record AssessmentFile(string? Title, List<QuestionFile>? Questions, List<BandFile>? Bands);

internal sealed record QuestionFile(string? Text, bool? NegativeSignal);

internal sealed record BandFile(string? Level, int? Min, int? Max, string? Published);

internal sealed record CsatSurveyFile(
    string? Title,
    string? Introduction,
    List<string>? Fields,
    List<ScalePointFile>? Scale,
    List<CsatQuestionFile>? Questions);

internal sealed record ScalePointFile(string? Key, string? Label, int? Score);

internal sealed record CsatQuestionFile(string? Number, string? Text, List<string>? Labels);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(MaturityModelFile))]
internal sealed partial class MaturityModelFileContext : JsonSerializerContext;
