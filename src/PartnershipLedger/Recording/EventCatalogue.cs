using System.ComponentModel;
using System.Reflection;
using System.Text;
using PartnershipLedger.Access;
using PartnershipLedger.CirclesOfTrust;
using PartnershipLedger.Model;
using PartnershipLedger.Organizations;
using PartnershipLedger.Partnerships;

namespace PartnershipLedger.Recording;

/// <summary>
/// Every event the ledger stores, by stream, read from the code itself; <c>schema/events.md</c> is its
/// printout and a test fails when the two differ.
/// </summary>
public static class EventCatalogue
{
    public sealed record Stream(string Name, string Description, IReadOnlyList<Type> Events);

    public static IReadOnlyList<Stream> Streams { get; } =
    [
        new("Organization", "One stream per member organization.",
            [typeof(OrganizationRegistered), typeof(OrganizationRenamed), typeof(OrganizationUserAdded), typeof(OrganizationUserRemoved)]),
        new("CircleOfTrust", "One stream per circle of trust: a named group of partner organizations (001).",
            [typeof(CircleOfTrustFormed), typeof(CircleMemberAdded), typeof(CircleMemberRemoved)]),
        new("Partnership", "One stream per partnership: its lifecycle, the evidence of every business function, self-assessments and retractions.",
            typeof(IPartnershipEvent).Assembly.GetTypes()
                .Where(type => type.IsClass && type.IsAssignableTo(typeof(IPartnershipEvent)))
                .OrderBy(type => type.GetCustomAttribute<EvidenceOfAttribute>() is { } evidence ? 1 + (int)evidence.Function : type == typeof(SelfAssessmentRecorded) ? 99 : 0)
                .ThenBy(type => type.MetadataToken)
                .ToList()),
        new("AccessToken", "One stream per bearer token: who was given access, its revocation, and every refusal of its holder.",
            [typeof(TokenIssued), typeof(TokenRevoked), typeof(AccessDenied)]),
    ];

    public static IEnumerable<Type> AllEventTypes => Streams.SelectMany(stream => stream.Events);

    public static string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine("# Event catalogue");
        text.AppendLine();
        text.AppendLine("Generated from the code (`EventCatalogue`); a test fails when this file is stale. Rewrite it with");
        text.AppendLine("`UPDATE_SCHEMA=1 ops/test --filter EventCatalogueTests`.");
        text.AppendLine();
        text.AppendLine("Every event also carries, as Marten metadata: the acting user (`user_name`), the acting organization");
        text.AppendLine($"(header `{EventHeaders.ActorOrganization}`), the recording time (`timestamp`), the correlation id and the causation id.");
        text.AppendLine("`OccurredAt` is business time. A fact that later facts refer to (a lead, an agreement, a plan, a support case)");
        text.AppendLine("is identified by the id of the event that recorded it. Events are never changed or deleted: `EventRetracted` corrects.");
        foreach (var stream in Streams)
        {
            text.AppendLine();
            text.AppendLine($"## {stream.Name}");
            text.AppendLine();
            text.AppendLine(stream.Description);
            text.AppendLine();
            text.AppendLine("| event | function | fields | meaning |");
            text.AppendLine("|---|---|---|---|");
            foreach (var type in stream.Events)
            {
                var function = type.GetCustomAttribute<EvidenceOfAttribute>()?.Function.ToString() ?? (type == typeof(SelfAssessmentRecorded) ? "(assessed)" : "");
                var fields = string.Join(", ", Fields(type).Select(field => $"`{field.Name}`: {field.Type}"));
                text.AppendLine($"| `{type.Name}` | {function} | {fields} | {type.GetCustomAttribute<DescriptionAttribute>()?.Description} |");
            }
        }
        text.AppendLine();
        text.AppendLine("## Enumerations");
        text.AppendLine();
        foreach (var enumeration in AllEventTypes.SelectMany(Fields).Select(field => field.Enum).OfType<Type>().Distinct().OrderBy(type => type.Name))
            text.AppendLine($"- `{enumeration.Name}`: {string.Join(", ", Enum.GetNames(enumeration))}");
        return text.ToString();
    }

    private sealed record Field(string Name, string Type, Type? Enum);

    private static IEnumerable<Field> Fields(Type eventType) =>
        eventType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters()
            .Select(parameter => new Field(parameter.Name!, Describe(parameter), EnumOf(parameter.ParameterType)));

    private static string Describe(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        var optional = Nullable.GetUnderlyingType(type) is not null || new NullabilityInfoContext().Create(parameter).WriteState == NullabilityState.Nullable;
        return Name(Nullable.GetUnderlyingType(type) ?? type) + (optional ? "?" : "");
    }

    private static string Name(Type type) => type switch
    {
        _ when type == typeof(Guid) => "id",
        _ when type == typeof(string) => "text",
        _ when type == typeof(bool) => "yes/no",
        _ when type == typeof(int) => "number",
        _ when type == typeof(decimal) => "amount",
        _ when type == typeof(DateTimeOffset) => "instant",
        _ when type == typeof(DateOnly) => "date",
        { IsGenericType: true } when type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) => $"list of {Name(type.GetGenericArguments()[0])}",
        _ => type.Name,
    };

    private static Type? EnumOf(Type type)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? (type.IsGenericType ? type.GetGenericArguments()[0] : type);
        return inner.IsEnum ? inner : null;
    }
}
