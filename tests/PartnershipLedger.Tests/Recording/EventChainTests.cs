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
}
