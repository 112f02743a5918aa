using System.Text;
using PartnershipLedger.Import;

namespace PartnershipLedger.Tests.Import;

/// <summary>An import file's lines and records read from its UTF-8 bytes: numbered as a text reader numbers them, read as the format's JSON settings read them.</summary>
public sealed class ImportLinesTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"ledger-lines-{Guid.NewGuid():N}.jsonl");

    public void Dispose() => File.Delete(path);

    private List<(int Line, string Text)> Lines(byte[] content)
    {
        File.WriteAllBytes(path, content);
        return ImportLines.Read(path).Select(line => (line.Line, Encoding.UTF8.GetString(line.Text.Span))).ToList();
    }

    [Fact]
    public void Lines_are_numbered_as_a_text_reader_numbers_them_and_blank_ones_are_skipped()
    {
        var content = "\uFEFFa\r\nb\rc\n\n  \t\n\u00A0\u2003\nd\r\n\r\né"u8.ToArray();

        var lines = Lines(content);

        Assert.Equal([(1, "a"), (2, "b"), (3, "c"), (7, "d"), (9, "é")], lines);
        File.WriteAllBytes(path, content);
        Assert.Equal(File.ReadLines(path).Select((text, i) => (Line: i + 1, Text: text)).Where(line => !string.IsNullOrWhiteSpace(line.Text)).ToList(), lines);
    }

    [Fact]
    public void A_line_longer_than_a_block_and_a_crlf_split_between_blocks_are_one_line_each()
    {
        var first = new string('x', (1 << 20) - 1);   // its \r is the block's last byte, its \n the next block's first
        var long_ = new string('y', 3 << 20);
        var lines = Lines(Encoding.UTF8.GetBytes($"{first}\r\n{long_}\nlast"));

        Assert.Equal([1, 2, 3], lines.Select(line => line.Line));
        Assert.Equal(first, lines[0].Text);
        Assert.Equal(long_, lines[1].Text);
        Assert.Equal("last", lines[2].Text);
    }

    [Fact]
    public void A_line_that_is_not_utf8_is_refused_with_its_number()
    {
        var refused = Assert.Throws<ImportRejectedException>(() => Lines([(byte)'{', (byte)'}', (byte)'\n', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'\n']));
        Assert.Equal(2, refused.Line);
        Assert.Contains("not UTF-8", refused.Message);
    }

    private static ImportRecord Read(string line, bool headerOnly = false) => ImportRecord.Read(7, Encoding.UTF8.GetBytes(line), headerOnly);

    [Fact]
    public void A_record_reads_its_fields_in_any_order_and_case_and_passes_over_others()
    {
        var record = Read("""{"DATA":{"name":"Contoso","tags":[1,{"a":null}]},"extra":{"x":[1,2]},"Occurredat":"2023-07-04T11:00:00+02:00","by":"o1","Ref":"p1.f1","stream":"p1","type":"LeadShared"}""");

        Assert.Equal(("LeadShared", "p1", "p1.f1", "o1"), (record.Type, record.Stream, record.Ref, record.By));
        Assert.Equal(new DateTimeOffset(2023, 7, 4, 11, 0, 0, TimeSpan.FromHours(2)), record.OccurredAt);
        Assert.Equal("""{"name":"Contoso","tags":[1,{"a":null}]}""", Encoding.UTF8.GetString(record.Data.Span));
    }

    [Fact]
    public void A_field_name_written_with_escapes_is_the_field_it_spells()
    {
        var record = Read("""{"\u0074ype":"LeadShared","STRE\u0041M":"p1","r\u0065fs":"p9"}""");

        Assert.Equal(("LeadShared", "p1", null), (record.Type, record.Stream, record.Ref));
    }

    [Fact]
    public void A_records_header_alone_leaves_out_the_rest_and_missing_fields_are_null()
    {
        var header = Read("""{"type":"LeadAccepted","stream":"p1","by":"o1","occurredAt":"not read","data":{"leadId":"p1.f1"}}""", headerOnly: true);
        Assert.Equal(("LeadAccepted", "p1", null, null, null), (header.Type, header.Stream, header.Ref, header.By, header.OccurredAt));
        Assert.True(header.Data.IsEmpty);

        var bare = Read("""{"type":null}""");
        Assert.Equal((null, null, null, null, null), (bare.Type, bare.Stream, bare.Ref, bare.By, bare.OccurredAt));
        Assert.True(bare.Data.IsEmpty);
    }

    [Theory]
    [InlineData("""[1,2]""", "not a JSON object")]
    [InlineData("""{"type":"LeadShared",}""", "not a JSON object")]
    [InlineData("""{"type":"LeadShared"} {}""", "not a JSON object")]
    [InlineData("""{"type":"LeadShared","data":{"a":1}""", "not a JSON object")]
    [InlineData("""{"type":"\ud800"}""", "not a JSON object")]
    [InlineData("""{"\udc00":1}""", "not a JSON object")]
    [InlineData("""{"type":5}""", "\"type\" must be a string")]
    [InlineData("""{"stream":["p1"]}""", "\"stream\" must be a string")]
    [InlineData("""{"occurredAt":"last Tuesday"}""", "\"occurredAt\" must be a date and time in ISO 8601")]
    [InlineData("""{"occurredAt":20230704}""", "\"occurredAt\" must be a date and time in ISO 8601")]
    public void A_malformed_record_is_refused_with_its_line_and_the_problem(string line, string problem)
    {
        var refused = Assert.Throws<ImportRejectedException>(() => Read(line));
        Assert.Equal(7, refused.Line);
        Assert.Contains(problem, refused.Message);
    }
}
