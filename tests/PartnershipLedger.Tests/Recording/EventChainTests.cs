using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Tests.Recording;

/// <summary>The chain's canonical JSON and links: what PostgreSQL's jsonb changes must not change the hash; what a forger changes must.</summary>
public sealed class EventChainTests
{
    [Fact]
    public void Canonical_json_sorts_keys_ordinally_at_every_depth() =>
        Assert.Equal("""{"B":1,"a":{"x":[{"k":1,"y":2}],"y":true}}""", EventChain.Canonical("""{"a":{"y":true,"x":[{"y":2,"k":1}]},"B":1}"""));

    [Fact]
    public void Canonical_json_drops_whitespace_as_jsonb_respaces() =>
        Assert.Equal(EventChain.Canonical("""{"a":[1,2],"b":null}"""), EventChain.Canonical(" {\n \"b\" : null ,\t\"a\" : [ 1 , 2 ] } "));

    [Theory]
    [InlineData("1.50", "1.5")]
    [InlineData("15e-1", "1.5")]
    [InlineData("1.5E+0", "1.5")]
    [InlineData("100", "1e2")]
    [InlineData("-0", "0")]
    [InlineData("0.000", "0")]
    [InlineData("12345678901234567890.10", "12345678901234567890.1")]
    public void Numbers_are_one_by_value_whatever_their_form(string written, string same) =>
        Assert.Equal(EventChain.Canonical($$"""{"n":{{same}}}"""), EventChain.Canonical($$"""{"n":{{written}}}"""));

    [Fact]
    public void Different_numbers_stay_different() =>
        Assert.NotEqual(EventChain.Canonical("""{"n":1.5}"""), EventChain.Canonical("""{"n":1.05}"""));

    [Fact]
    public void Strings_are_escaped_one_way_whatever_the_writer_escaped()
    {
        var escaped = EventChain.Canonical("""{"name":"Caf\u00e9 \u0026 Co \u003cb\u003e \ud83d\ude00 \"q\""}""");
        Assert.Equal(escaped, EventChain.Canonical("""{"name":"Café & Co <b> 😀 \"q\""}"""));
        // The encoder escapes characters outside the basic plane always, in upper-case hex: still one way.
        Assert.Equal("""{"name":"Café & Co <b> \uD83D\uDE00 \"q\""}""", escaped);
    }

    [Fact]
    public void Keys_with_unicode_and_escapes_sort_by_their_text() =>
        Assert.Equal("""{"Z":1,"a":2,"é":3}""", EventChain.Canonical("""{"\u00e9":3,"a":2,"Z":1}"""));

    private static readonly Guid StreamId = Guid.Parse("0197a7b2-0000-7000-8000-000000000001");
    private static readonly EventChain.Link Meeting = new(StreamId, 2, Guid.Parse("0197a7b2-0000-7000-8000-000000000002"), "partner_meeting_held",
        "ada@contoso.example", "0197a7b2-0000-7000-8000-000000000003", "req-42", """{"InPerson":true}""");

    [Fact]
    public void A_link_is_a_sha256_in_hex()
    {
        var hash = EventChain.Hash(EventChain.Genesis(StreamId), Meeting);
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, EventChain.Hash(EventChain.Genesis(StreamId), Meeting with { }));
    }

    public static TheoryData<string, EventChain.Link> Forgeries => new()
    {
        { "stream", Meeting with { StreamId = Guid.Parse("0197a7b2-0000-7000-8000-000000000009") } },
        { "version", Meeting with { Version = 3 } },
        { "event id", Meeting with { EventId = Guid.Parse("0197a7b2-0000-7000-8000-000000000009") } },
        { "type", Meeting with { EventType = "executive_briefing_held" } },
        { "user", Meeting with { User = "mallory@contoso.example" } },
        { "organization", Meeting with { ActorOrganization = null } },
        { "correlation", Meeting with { CorrelationId = "req-43" } },
        { "data", Meeting with { CanonicalData = """{"InPerson":false}""" } },
        { "fields shifted", Meeting with { User = "ada@contoso.example\n0197a7b2", ActorOrganization = "-0000-7000-8000-000000000003" } },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public void Changing_any_covered_field_changes_the_link(string what, EventChain.Link forged) =>
        Assert.True(EventChain.Hash("previous", Meeting) != EventChain.Hash("previous", forged), what);

    [Fact]
    public void A_link_depends_on_the_previous_one() =>
        Assert.NotEqual(EventChain.Hash("a", Meeting), EventChain.Hash("b", Meeting));

    [Fact]
    public void A_streams_hashes_start_from_its_genesis_and_follow_each_other()
    {
        var second = Meeting with { Version = 3, EventId = Guid.Parse("0197a7b2-0000-7000-8000-000000000004") };
        var hashes = EventChain.Hashes(StreamId, [Meeting, second]);
        Assert.Equal(EventChain.Hash(EventChain.Genesis(StreamId), Meeting), hashes[0]);
        Assert.Equal(EventChain.Hash(hashes[0], second), hashes[1]);
    }

    /// <summary>
    /// The text a link hashes, spelled out: stored ledgers were chained with it, so it must not change. Each field is
    /// its length in UTF-16 units, a colon, the field and a newline; a missing field is empty.
    /// </summary>
    [Fact]
    public void A_link_hashes_its_fields_length_prefixed_in_a_fixed_order()
    {
        var unicode = Meeting with { User = "zoë 😀", CanonicalData = """{"name":"Café"}""" };
        string?[] fields = ["previous", StreamId.ToString("D"), "2", unicode.EventId.ToString("D"), unicode.EventType, unicode.User, unicode.ActorOrganization, unicode.CorrelationId, unicode.CanonicalData];
        var text = string.Concat(fields.Select(field => $"{(field ?? "").Length}:{field}\n"));
        Assert.Contains("6:zoë 😀\n", text);   // the rule as spelled here: 6 UTF-16 units, not 9 UTF-8 bytes
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), EventChain.Hash("previous", unicode));
    }

    /// <summary>
    /// One link's value, pinned: worked out by hand from the rule ledgers were chained with before the UTF-8 path (the
    /// text above, with the missing fields empty; the data canonical, 😀 escaped), so any drift of either path fails.
    /// </summary>
    [Fact]
    public void A_link_with_missing_fields_has_the_value_ledgers_were_chained_with()
    {
        const string pinned = "3865f2563f24c5733fded036471a39a5fc27b521f9a6a00aaa6059413b22bf42";
        var link = new EventChain.Link(StreamId, 2, Guid.Parse("0197a7b2-0000-7000-8000-000000000002"), "partner_meeting_held", null, null, null,
            """{"InPerson":true,"topic":"Café \uD83D\uDE00"}""");

        Assert.Equal(pinned, EventChain.Hash("previous", link));
        Assert.Equal(pinned, EventChain.Hash("previous", link.StreamId, link.Version, link.EventId, link.EventType, null, null, null,
            Encoding.UTF8.GetBytes("""{ "topic" : "Café 😀", "InPerson" : true }""")));
    }

    [Theory]
    [InlineData("""{"InPerson":true}""")]
    [InlineData(""" { "b" : [1.50, -0, "Caf\u00e9 \"q\""], "a" : { "\u00e9" : null, "Z" : 15e-1 } } """)]
    [InlineData("""{"name":"zoë 😀 <b> & \ud83d\ude00","n":12345678901234567890}""")]
    public void An_events_data_as_utf8_links_as_its_canonical_text_does(string data)
    {
        var link = Meeting with { User = "zoë", CanonicalData = EventChain.Canonical(data) };
        Assert.Equal(EventChain.Hash("previous", link),
            EventChain.Hash("previous", link.StreamId, link.Version, link.EventId, link.EventType, link.User, link.ActorOrganization, link.CorrelationId, Encoding.UTF8.GetBytes(data)));
    }

    /// <summary>
    /// The canonical form against the plain rule (parse, sort the keys as strings, unescape every string, every number
    /// through decimal), over random JSON: keys and strings with escapes, non-ASCII and characters beyond the basic
    /// plane, integers and other numbers in several forms, nesting.
    /// </summary>
    [Fact]
    public void The_canonical_form_is_the_plain_rule_over_random_json()
    {
        var random = new Random(8);
        for (var i = 0; i < 2000; i++)
        {
            var json = RandomJson(random, depth: 0);
            Assert.Equal(PlainCanonical(json), EventChain.Canonical(json));
        }
    }

    private static string RandomJson(Random random, int depth)
    {
        var kind = depth == 0 ? 0 : random.Next(depth > 3 ? 2 : 0, 7);
        switch (kind)
        {
            case 0:
                var keys = Enumerable.Range(0, random.Next(0, 7)).Select(_ => RandomString(random, key: true));
                return "{ " + string.Join(" , ", keys.Select(key => $"{key} :{RandomJson(random, depth + 1)}")) + " }";
            case 1:
                return "[" + string.Join(",", Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomJson(random, depth + 1))) + "]";
            case 2:
            case 3:
                return RandomString(random, key: false);
            case 4:
            case 5:
                return RandomNumber(random);
            default:
                return random.Next(3) switch { 0 => "true", 1 => "false", _ => "null" };
        }
    }

    private static readonly string[] Pieces = ["a", "B", "z", "Z", "_", "é", "ø", "😀", "\uE000", "\\\"", "\\n", "\\u0041", "\\u00e9", "\\ud83d\\ude00", "<", "&", "+", "\\/", "1", " "];

    private static string RandomString(Random random, bool key) =>
        "\"" + string.Concat(Enumerable.Range(0, random.Next(key ? 1 : 0, 5)).Select(_ => Pieces[random.Next(Pieces.Length)])) + "\"";

    private static string RandomNumber(Random random) => random.Next(9) switch
    {
        0 => "0",
        1 => "-0",
        2 => random.NextInt64(-1_000_000_000_000_000_000, 1_000_000_000_000_000_000).ToString(CultureInfo.InvariantCulture),
        3 => random.Next(-1000, 1000).ToString(CultureInfo.InvariantCulture),
        4 => $"{random.Next(-100, 100)}.{random.Next(0, 1000):D3}",
        5 => $"{random.Next(1, 99)}e{random.Next(-5, 5)}",
        6 => "12345678901234567890123",
        7 => "70.50",
        _ => $"{random.Next(1, 9)}.5E+{random.Next(0, 3)}",
    };

    /// <summary>
    /// The canonical form as first written: the reference the faster one must match byte for byte. Independent of
    /// EventChain on purpose (it looks like EventChain.Write): calling the product here would make the comparison unable to fail.
    /// </summary>
    private static string PlainCanonical(string json)
    {
        using var document = JsonDocument.Parse(json);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            Plain(writer, document.RootElement);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);

        static void Plain(Utf8JsonWriter writer, JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    writer.WriteStartObject();
                    foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                    {
                        writer.WritePropertyName(property.Name);
                        Plain(writer, property.Value);
                    }
                    writer.WriteEndObject();
                    break;
                case JsonValueKind.Array:
                    writer.WriteStartArray();
                    foreach (var item in element.EnumerateArray()) Plain(writer, item);
                    writer.WriteEndArray();
                    break;
                case JsonValueKind.String:
                    writer.WriteStringValue(element.GetString());
                    break;
                case JsonValueKind.Number:
                    var raw = element.GetRawText();
                    writer.WriteRawValue(decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                        ? (value == 0 ? 0m : value).ToString("G29", CultureInfo.InvariantCulture)
                        : double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                    break;
                default:
                    element.WriteTo(writer);
                    break;
            }
        }
    }
}
