using System.Text.Json;
using System.Text.Json.Serialization;
using PartnershipLedger.CirclesOfTrust;
using PartnershipLedger.Demo;
using PartnershipLedger.Model;
using PartnershipLedger.Organizations;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Import;

/// <summary>
/// Writes a believable portfolio of any size as an import file: the demo's stories (<see cref="DemoPortfolio"/>) for as
/// many partnerships as asked, with its cast repeated as namesakes when more organizations are needed. The same seed,
/// size and "now" give the same file, byte for byte.
/// </summary>
public static class PortfolioGenerator
{
    public sealed record Written(int Organizations, int Circles, int Partnerships, long Records);

    public static async Task<Written> WriteAsync(
        MaturityModel model, DateTimeOffset now, int partnerships, int years, int seed, TextWriter output, CancellationToken cancellation = default)
    {
        var plan = DemoPortfolio.Generate(model, now, partnerships, seed, years);
        var names = new RefNames();
        var json = ImportJson.Options(new RefNames.Converter(names));
        long records = 0;
        foreach (var step in plan.Steps)
        {
            cancellation.ThrowIfCancellationRequested();
            await output.WriteLineAsync(Line(step, names, json));
            records++;
        }
        await output.FlushAsync(cancellation);
        return new Written(plan.Organizations, plan.Circles, plan.Partnerships.Count, records);
    }

    private static string Line(DemoStep step, RefNames names, JsonSerializerOptions json)
    {
        var command = step.Command;
        var entry = ImportCatalogue.ForCommand(command.GetType());
        var stream = command switch
        {
            PartnershipCommand onPartnership => onPartnership.PartnershipId,
            OrganizationCommand onOrganization => onOrganization.OrganizationId,
            CircleCommand onCircle => onCircle.CircleId,
            _ => (Guid?)null,
        };
        string? reference = step.Creates is { } created ? names.Name(created, entry.StartsStream ? entry.Stream : null, stream) : null;
        var data = ImportCatalogue.DataFields(command.GetType()).ToDictionary(
            field => ImportCatalogue.Camel(field.Name!), field => command.GetType().GetProperty(field.Name!)!.GetValue(command));
        var line = new RecordLine(
            entry.Event.Name,
            stream is { } id ? names.Existing(id) : null,
            reference,
            command.Actor.OrganizationId is { } by ? names.Existing(by) : null,
            command.OccurredAt!.Value,
            data);
        return JsonSerializer.Serialize(line, json);
    }

    private sealed record RecordLine(string Type, string? Stream, string? Ref, string? By, DateTimeOffset OccurredAt, Dictionary<string, object?> Data);

    /// <summary>Short, readable refs for the plan's placeholder ids: o1 (organization), c1 (circle), p1 (partnership), p1.f3 (a fact of p1).</summary>
    private sealed class RefNames
    {
        private readonly Dictionary<Guid, string> names = [];
        private readonly Dictionary<string, int> counters = [];

        public string Name(Guid placeholder, ImportStream? stream, Guid? within)
        {
            var prefix = stream switch
            {
                ImportStream.Organization => "o",
                ImportStream.CircleOfTrust => "c",
                ImportStream.Partnership => "p",
                _ => $"{Existing(within!.Value)}.f",
            };
            var number = counters[prefix] = counters.GetValueOrDefault(prefix) + 1;
            return names[placeholder] = $"{prefix}{number}";
        }

        public string Existing(Guid placeholder) =>
            names.TryGetValue(placeholder, out var name) ? name : throw new InvalidOperationException($"The portfolio refers to {placeholder} before creating it.");

        public sealed class Converter(RefNames names) : JsonConverter<Guid>
        {
            public override Guid Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
                throw new NotSupportedException("Generated refs are written, not read.");

            public override void Write(Utf8JsonWriter writer, Guid value, JsonSerializerOptions options) => writer.WriteStringValue(names.Existing(value));
        }
    }
}
