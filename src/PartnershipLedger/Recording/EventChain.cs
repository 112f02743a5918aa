using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using JasperFx.Events;

namespace PartnershipLedger.Recording;

/// <summary>
/// Tamper evidence: every event carries, in its header <see cref="Header"/>, a SHA-256 over the previous event's chain
/// value and its own content, so altering, removing or re-linking a stored row breaks the chain from there on.
/// Pure functions; <see cref="StreamRecording"/> stamps what commands append and <c>verifyLedger</c> recomputes.
/// </summary>
public static class EventChain
{
    public const string Header = "chain";

    /// <summary>What a link covers: an event's identity, metadata and its data in canonical JSON.</summary>
    public sealed record Link(Guid StreamId, long Version, Guid EventId, string EventType, string? User, string? ActorOrganization, string? CorrelationId, string CanonicalData);

    /// <summary>The value a stream's first event links to: fixed, and bound to its stream so links cannot move between streams.</summary>
    public static string Genesis(Guid streamId) => $"genesis:{streamId:D}";

    /// <summary>The chain value of <paramref name="link"/> following <paramref name="previous"/> (the previous event's value or the genesis).</summary>
    public static string Hash(string previous, Link link)
    {
        var text = new StringBuilder();
        foreach (var field in (string?[])[previous, link.StreamId.ToString("D"), link.Version.ToString(CultureInfo.InvariantCulture), link.EventId.ToString("D"),
                     link.EventType, link.User, link.ActorOrganization, link.CorrelationId, link.CanonicalData])
            // Length-prefixed, so no two different field lists give the same text; a missing value counts as empty
            // (PostgreSQL may give back null for what was appended empty).
            text.Append((field ?? "").Length).Append(':').Append(field).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The chain values of a whole stream, its events in version order.</summary>
    public static IReadOnlyList<string> Hashes(Guid streamId, IEnumerable<Link> links)
    {
        var previous = Genesis(streamId);
        var hashes = new List<string>();
        foreach (var link in links) hashes.Add(previous = Hash(previous, link));
        return hashes;
    }

    /// <summary>
    /// Stamps the chain of a new stream's events, in order (versions 1, 2, ...), for writers that bypass
    /// <see cref="StreamRecording"/> such as a bulk import. The events' metadata must already be set as it will be stored:
    /// <see cref="IEvent.EventTypeName"/>, user name, the <see cref="EventHeaders.ActorOrganization"/> header, correlation id.
    /// </summary>
    public static void StampNewStream(Guid streamId, IReadOnlyList<IEvent> events, Marten.ISerializer serializer) =>
        Stamp(Genesis(streamId), streamId, 1, events, e => (e.UserName, e.GetHeader(EventHeaders.ActorOrganization)?.ToString(), e.CorrelationId), serializer);

    /// <summary>Stamps appended events following <paramref name="previous"/>; the first is at <paramref name="firstVersion"/>.</summary>
    public static void Stamp(string previous, Guid streamId, long firstVersion, IReadOnlyList<IEvent> events,
        Func<IEvent, (string? User, string? Organization, string? CorrelationId)> metadata, Marten.ISerializer serializer)
    {
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var (user, organization, correlation) = metadata(e);
            previous = Hash(previous, new Link(streamId, firstVersion + i, e.Id, e.EventTypeName, user, organization, correlation, Canonical(serializer.ToJson(e.Data))));
            e.SetHeader(Header, previous);
        }
    }

    /// <summary>
    /// JSON in one form whatever the writer: object keys sorted ordinally, no whitespace, numbers by value (1.50, 1.5
    /// and 15e-1 are one number), strings re-escaped one way. PostgreSQL's jsonb reorders keys and respaces, so the
    /// data read back from mt_events canonicalizes to the same text as the event serialized when appended.
    /// </summary>
    public static string Canonical(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Canonical(document.RootElement);
    }

    public static string Canonical(JsonElement element)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false }))
            Write(writer, element);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray()) Write(writer, item);
                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            case JsonValueKind.Number:
                writer.WriteRawValue(Number(element.GetRawText()), skipInputValidation: true);
                break;
            default:
                element.WriteTo(writer);   // true, false, null
                break;
        }
    }

    /// <summary>A number by its value: through decimal (exact for what events hold), through double beyond its range.</summary>
    private static string Number(string raw) =>
        decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? (value == 0 ? 0m : value).ToString("G29", CultureInfo.InvariantCulture)
            : double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
}
