using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace PartnershipLedger.Graph;

/// <summary>A scalar written as a string literal: the literal is parsed like a variable value.</summary>
public abstract class TextScalarGraphType : ScalarGraphType
{
    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLStringValue text => ParseValue((string)text.Value),
        GraphQLNullValue => null,
        _ => ThrowLiteralConversionError(value),
    };
}

/// <summary>
/// <c>DateTime</c>: an ISO-8601 instant with an offset (e.g. 2025-03-01T12:00:00Z). An instant without an
/// offset is ambiguous and refused; output is always UTC.
/// </summary>
public sealed class InstantGraphType : TextScalarGraphType
{
    public InstantGraphType()
    {
        Name = "DateTime";
        Description = "An ISO-8601 instant with an offset, e.g. 2025-03-01T12:00:00Z.";
    }

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        DateTimeOffset instant => instant,
        string text when HasOffset(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) => instant,
        _ => ThrowValueConversionError(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateTimeOffset instant => Format(instant),
        DateTime time => Format(new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc))),
        _ => ThrowSerializationError(value),
    };

    public static string Format(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static bool HasOffset(string text) =>
        text.Length > 10 && (text.EndsWith('Z') || text.EndsWith('z') || text[^6] is '+' or '-');
}

/// <summary><c>Date</c>: an ISO-8601 calendar date (yyyy-MM-dd).</summary>
public sealed class CalendarDateGraphType : TextScalarGraphType
{
    public CalendarDateGraphType()
    {
        Name = "Date";
        Description = "An ISO-8601 calendar date, e.g. 2025-03-01.";
    }

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        DateOnly date => date,
        string text when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date,
        _ => ThrowValueConversionError(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => ThrowSerializationError(value),
    };
}
