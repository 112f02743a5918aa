using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
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
        var text = LinkText.Start(previous, link.StreamId, link.Version, link.EventId, link.EventType, link.User, link.ActorOrganization, link.CorrelationId);
        text.Add(link.CanonicalData);
        return text.Hash();
    }

    /// <summary>
    /// The chain value of an event whose data is <paramref name="dataJson"/>, UTF-8 JSON in any form: the same as
    /// <see cref="Hash(string, Link)"/> with the data's <see cref="Canonical(string)"/>, without the strings between.
    /// </summary>
    public static string Hash(string previous, Guid streamId, long version, Guid eventId, string eventType, string? user, string? actorOrganization,
        string? correlationId, ReadOnlyMemory<byte> dataJson)
    {
        var canonical = CanonicalUtf8(dataJson);
        var text = LinkText.Start(previous, streamId, version, eventId, eventType, user, actorOrganization, correlationId);
        text.Add(canonical.Span, Encoding.UTF8.GetCharCount(canonical.Span));
        return text.Hash();
    }

    /// <summary>
    /// The text a link hashes, as UTF-8: each field length-prefixed (its length in UTF-16 units, as the string is), so
    /// no two different field lists give the same text; a missing value counts as empty (PostgreSQL may give back null
    /// for what was appended empty). Built in a buffer of the calling thread's, used again by its next link.
    /// </summary>
    private readonly struct LinkText
    {
        [ThreadStatic] private static ArrayBufferWriter<byte>? buffer;

        private readonly ArrayBufferWriter<byte> bytes;

        private LinkText(ArrayBufferWriter<byte> bytes) => this.bytes = bytes;

        public static LinkText Start(string previous, Guid streamId, long version, Guid eventId, string eventType, string? user, string? organization, string? correlationId)
        {
            var bytes = buffer ??= new ArrayBufferWriter<byte>(4096);
            bytes.ResetWrittenCount();
            var text = new LinkText(bytes);
            text.Add(previous);
            text.Add(streamId);
            text.Add(version);
            text.Add(eventId);
            text.Add(eventType);
            text.Add(user);
            text.Add(organization);
            text.Add(correlationId);
            return text;
        }

        public void Add(string? field) => Add(field.AsSpan());

        private void Add(ReadOnlySpan<char> field)
        {
            Prefix(field.Length);
            var written = Encoding.UTF8.GetBytes(field, bytes.GetSpan(Encoding.UTF8.GetMaxByteCount(field.Length) + 1));
            bytes.Advance(written);
            End();
        }

        public void Add(ReadOnlySpan<byte> utf8, int chars)
        {
            Prefix(chars);
            bytes.Write(utf8);
            End();
        }

        private void Add<T>(T value) where T : ISpanFormattable
        {
            Span<char> chars = stackalloc char[40];
            value.TryFormat(chars, out var length, value is Guid ? "D" : default, CultureInfo.InvariantCulture);
            Add(chars[..length]);
        }

        private void Prefix(int length)
        {
            length.TryFormat(bytes.GetSpan(12), out var written, default, CultureInfo.InvariantCulture);
            bytes.Advance(written);
            bytes.Write(":"u8);
        }

        private void End() => bytes.Write("\n"u8);

        public string Hash()
        {
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes.WrittenSpan, hash);
            return Convert.ToHexStringLower(hash);
        }
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
        var data = new ArrayBufferWriter<byte>(1024);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var (user, organization, correlation) = metadata(e);
            data.ResetWrittenCount();
            serializer.WriteTo(data, e.Data);   // UTF-8 as Marten stores it, not a string encoded again
            previous = Hash(previous, streamId, firstVersion + i, e.Id, e.EventTypeName, user, organization, correlation, data.WrittenMemory);
            e.SetHeader(Header, previous);
        }
    }

    /// <summary>
    /// JSON in one form whatever the writer: object keys sorted ordinally, no whitespace, numbers by value (1.50, 1.5
    /// and 15e-1 are one number), strings re-escaped one way. PostgreSQL's jsonb reorders keys and respaces, so the
    /// data read back from mt_events canonicalizes to the same text as the event serialized when appended.
    /// </summary>
    public static string Canonical(string json) => Encoding.UTF8.GetString(CanonicalUtf8(Encoding.UTF8.GetBytes(json)).Span);

    [ThreadStatic] private static ArrayBufferWriter<byte>? canonicalBuffer;
    [ThreadStatic] private static Utf8JsonWriter? canonicalWriter;

    /// <summary>The canonical form of <paramref name="json"/>, in a buffer of the calling thread's that its next call reuses.</summary>
    private static ReadOnlyMemory<byte> CanonicalUtf8(ReadOnlyMemory<byte> json)
    {
        var buffer = canonicalBuffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var writer = canonicalWriter ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false });
        writer.Reset(buffer);
        using (var document = JsonDocument.Parse(json))
            Write(writer, document.RootElement);
        writer.Flush();
        return buffer.WrittenMemory;
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(writer, element);
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray()) Write(writer, item);
                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                // As written when it holds no escape (the writer escapes it its one way); unescaped first otherwise.
                var raw = JsonMarshal.GetRawUtf8Value(element)[1..^1];
                if (raw.Contains((byte)'\\')) writer.WriteStringValue(element.GetString());
                else writer.WriteStringValue(raw);
                break;
            case JsonValueKind.Number:
                var number = JsonMarshal.GetRawUtf8Value(element);
                if (IsPlainInteger(number)) writer.WriteRawValue(number, skipInputValidation: true);
                else writer.WriteRawValue(Number(element.GetRawText()), skipInputValidation: true);
                break;
            default:
                element.WriteTo(writer);   // true, false, null
                break;
        }
    }

    /// <summary>Keys sorted ordinally, as strings compare (UTF-16 units); compared as bytes when both are plain ASCII.</summary>
    private static void WriteObject(Utf8JsonWriter writer, JsonElement element)
    {
        var count = element.GetPropertyCount();
        var properties = ArrayPool<JsonProperty>.Shared.Rent(count);
        try
        {
            var n = 0;
            foreach (var property in element.EnumerateObject())
            {
                // Insertion sort: objects have a handful of keys.
                var at = n++;
                for (; at > 0 && CompareNames(properties[at - 1], property) > 0; at--) properties[at] = properties[at - 1];
                properties[at] = property;
            }
            writer.WriteStartObject();
            for (var i = 0; i < n; i++)
            {
                var name = JsonMarshal.GetRawUtf8PropertyName(properties[i]);
                if (name.Contains((byte)'\\')) writer.WritePropertyName(properties[i].Name);
                else writer.WritePropertyName(name);
                Write(writer, properties[i].Value);
            }
            writer.WriteEndObject();
        }
        finally
        {
            ArrayPool<JsonProperty>.Shared.Return(properties, clearArray: true);
        }
    }

    private static int CompareNames(JsonProperty left, JsonProperty right)
    {
        var a = JsonMarshal.GetRawUtf8PropertyName(left);
        var b = JsonMarshal.GetRawUtf8PropertyName(right);
        return PlainAscii(a) && PlainAscii(b) ? a.SequenceCompareTo(b) : string.CompareOrdinal(left.Name, right.Name);
    }

    private static bool PlainAscii(ReadOnlySpan<byte> name) => System.Text.Ascii.IsValid(name) && !name.Contains((byte)'\\');

    /// <summary>An integer written as its canonical form already: no sign but a minus, no leading zero, 18 digits at most (not "-0").</summary>
    private static bool IsPlainInteger(ReadOnlySpan<byte> number)
    {
        var digits = number.Length > 0 && number[0] == '-' ? number[1..] : number;
        if (digits.Length is 0 or > 18 || (digits[0] == '0' && (digits.Length > 1 || digits.Length < number.Length))) return false;
        foreach (var digit in digits)
            if (digit is < (byte)'0' or > (byte)'9') return false;
        return true;
    }

    /// <summary>A number by its value: through decimal (exact for what events hold), through double beyond its range.</summary>
    private static string Number(string raw) =>
        decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? (value == 0 ? 0m : value).ToString("G29", CultureInfo.InvariantCulture)
            : double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
}
