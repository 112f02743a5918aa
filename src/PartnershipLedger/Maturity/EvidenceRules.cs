using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using GraphQL;
using PartnershipLedger.Model;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Maturity;

/// <summary>
/// What recorded evidence reaches each level of each function, as shipped in <c>schema/evidence-rules.json</c>.
/// A level is reached while all its requirements hold; the evidenced level is the highest level reached.
/// </summary>
public sealed record EvidenceRules(string Version, Period LookBack, IReadOnlyDictionary<BusinessFunction, IReadOnlyList<LevelRule>> Functions)
{
    public IReadOnlyList<LevelRule> For(BusinessFunction function) => Functions[function];
}

/// <param name="Level">REACTIVE, PROACTIVE or DYNAMIC.</param>
public sealed record LevelRule(BusinessFunction Function, MaturityLevel Level, string Description, IReadOnlyList<Requirement> Requirements);

/// <summary>
/// One condition of a level: at least <see cref="AtLeast"/> events of <see cref="Events"/> matching <see cref="Where"/>
/// within the window (or that many distinct values of <see cref="Distinct"/>); or an agreement in force; or members
/// from several home regions.
/// </summary>
public sealed record Requirement(
    IReadOnlyList<string> Events,
    IReadOnlyList<FieldCondition> Where,
    int AtLeast,
    string? Distinct,
    Period? Within,
    AgreementsInForce? AgreementsInForce,
    int? MemberHomeRegions);

public sealed record AgreementsInForce(IReadOnlyList<string> Kinds, Period? ReviewedWithin);

/// <summary>A condition on one field of an event: equal to a value, one of values, present, or a list of at least N items.</summary>
public sealed record FieldCondition(string Field, IReadOnlyList<string>? OneOf, bool? Is, bool? Present, int? MinItems)
{
    public bool Matches(JsonElement data)
    {
        if (!data.TryGetProperty(Field, out var value)) return false;
        if (OneOf is not null && (value.ValueKind != JsonValueKind.String || !OneOf.Contains(value.GetString()))) return false;
        if (Is is { } expected && (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False) || value.GetBoolean() != expected)) return false;
        if (Present == true && (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined || (value.ValueKind == JsonValueKind.String && value.GetString() == ""))) return false;
        if (MinItems is { } min && (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() < min)) return false;
        return true;
    }
}

/// <summary>An ISO-8601 period of whole years, months and days (P12M, P3M, P1Y6M, P90D), added in calendar terms.</summary>
public readonly record struct Period(int Years, int Months, int Days)
{
    public DateTimeOffset After(DateTimeOffset instant) => instant.AddYears(Years).AddMonths(Months).AddDays(Days);

    public override string ToString() => "P" + (Years > 0 ? $"{Years}Y" : "") + (Months > 0 ? $"{Months}M" : "") + (Days > 0 || (Years == 0 && Months == 0) ? $"{Days}D" : "");

    public static Period? TryParse(string? text)
    {
        var match = text is null ? null : System.Text.RegularExpressions.Regex.Match(text, @"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$");
        if (match is null || !match.Success || text == "P") return null;
        int Part(int group) => match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        var period = new Period(Part(1), Part(2), Part(3));
        return period == default ? null : period;
    }
}

public static class EvidenceRulesLoader
{
    public static EvidenceRules Load(string path, string? lookBackOverride = null)
    {
        if (!File.Exists(path)) throw new InvalidMaturityModelException(path, [$"the evidence rules file does not exist (full path: {Path.GetFullPath(path)})"]);
        return Parse(File.ReadAllText(path), path, lookBackOverride);
    }

    public static EvidenceRules Parse(string json, string source = "evidence rules", string? lookBackOverride = null)
    {
        RulesFile? file;
        try
        {
            file = JsonSerializer.Deserialize<RulesFile>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidMaturityModelException(source, [$"not valid JSON for the evidence rules: {ex.Message}"]);
        }
        var faults = new List<string>();
        var lookBack = Period.TryParse(lookBackOverride ?? file?.LookBack);
        if (lookBack is null) faults.Add($"lookBack: '{lookBackOverride ?? file?.LookBack}' is not an ISO-8601 period such as P12M");
        var functions = new Dictionary<BusinessFunction, IReadOnlyList<LevelRule>>();
        foreach (var function in Enum.GetValues<BusinessFunction>())
        {
            var key = function.ToString().ToConstantCase();
            if (file?.Functions is null || !file.Functions.TryGetValue(key, out var levels))
            {
                faults.Add($"functions.{key}: is missing");
                continue;
            }
            functions[function] = [.. new[] { MaturityLevel.Reactive, MaturityLevel.Proactive, MaturityLevel.Dynamic }.Select(level =>
            {
                var levelKey = level.ToString().ToConstantCase();
                var path = $"functions.{key}.{levelKey}";
                if (!levels.TryGetValue(levelKey, out var rule) || rule.Requires is not { Count: > 0 })
                {
                    faults.Add($"{path}: needs a description and at least one requirement");
                    return new LevelRule(function, level, "", []);
                }
                return new LevelRule(function, level, rule.Description ?? "", rule.Requires.Select((r, i) => Requirement(r, $"{path}.requires[{i}]", faults)).ToList());
            })];
        }
        foreach (var unknown in file?.Functions?.Keys.Except(Enum.GetValues<BusinessFunction>().Select(f => f.ToString().ToConstantCase())) ?? [])
            faults.Add($"functions.{unknown}: is not a BusinessFunction");
        if (faults.Count > 0) throw new InvalidMaturityModelException(source, faults);
        return new EvidenceRules(file!.RulesVersion ?? "", lookBack!.Value, functions);
    }

    private static readonly IReadOnlySet<string> KnownEvents = EventCatalogue.AllEventTypes.Select(type => type.Name).ToHashSet();

    private static Requirement Requirement(RequirementFile file, string path, List<string> faults)
    {
        var events = file.Events ?? [];
        foreach (var unknown in events.Where(e => !KnownEvents.Contains(e))) faults.Add($"{path}.events: '{unknown}' is not an event of the catalogue");
        var kinds = (file.Events is null ? 0 : 1) + (file.AgreementsInForce is null ? 0 : 1) + (file.MemberHomeRegions is null ? 0 : 1);
        if (kinds != 1) faults.Add($"{path}: give exactly one of events, agreementsInForce, memberHomeRegions");
        Period? Parse(string? text, string field)
        {
            if (text is null) return null;
            var period = Period.TryParse(text);
            if (period is null) faults.Add($"{path}.{field}: '{text}' is not an ISO-8601 period such as P12M");
            return period;
        }
        var where = (file.Where ?? []).Select(pair => pair.Value.ValueKind switch
        {
            JsonValueKind.Array => new FieldCondition(pair.Key, pair.Value.EnumerateArray().Select(v => v.GetString() ?? "").ToList(), null, null, null),
            JsonValueKind.True or JsonValueKind.False => new FieldCondition(pair.Key, null, pair.Value.GetBoolean(), null, null),
            JsonValueKind.Object when pair.Value.TryGetProperty("present", out var present) => new FieldCondition(pair.Key, null, null, present.GetBoolean(), null),
            JsonValueKind.Object when pair.Value.TryGetProperty("minItems", out var min) => new FieldCondition(pair.Key, null, null, null, min.GetInt32()),
            _ => Fault(pair.Key),
        }).ToList();
        FieldCondition Fault(string field)
        {
            faults.Add($"{path}.where.{field}: use a list of values, true/false, {{\"present\": true}} or {{\"minItems\": N}}");
            return new FieldCondition(field, null, null, null, null);
        }
        if (file.AtLeast is < 1) faults.Add($"{path}.atLeast: must be 1 or more");
        return new Requirement(events, where, file.AtLeast ?? 1, file.Distinct, Parse(file.Within, "within"),
            file.AgreementsInForce is { } inForce ? new AgreementsInForce(inForce.Kinds ?? [], Parse(inForce.ReviewedWithin, "agreementsInForce.reviewedWithin")) : null,
            file.MemberHomeRegions?.AtLeast);
    }

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private sealed record RulesFile(string? RulesVersion, string? Description, string? LookBack, Dictionary<string, Dictionary<string, RuleFile>>? Functions);

    private sealed record RuleFile(string? Description, List<RequirementFile>? Requires);

    private sealed record RequirementFile(
        List<string>? Events, Dictionary<string, JsonElement>? Where, int? AtLeast, string? Distinct, string? Within,
        AgreementsInForceFile? AgreementsInForce, MemberHomeRegionsFile? MemberHomeRegions);

    private sealed record AgreementsInForceFile(List<string>? Kinds, string? ReviewedWithin);

    private sealed record MemberHomeRegionsFile(int? AtLeast);
}
