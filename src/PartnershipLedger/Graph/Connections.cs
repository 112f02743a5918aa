using System.Text;
using GraphQL.Types;

namespace PartnershipLedger.Graph;

/// <summary>A page of a list, in the shape of GraphQL cursor connections.</summary>
public sealed record Connection<T>(IReadOnlyList<Edge<T>> Edges, PageInfo PageInfo, int TotalCount);

public sealed record Edge<T>(string Cursor, T Node);

public sealed record PageInfo(bool HasNextPage, string? EndCursor);

public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>Cursors are opaque to clients; here they wrap a position (a stream version, a sequence).</summary>
    public static string Cursor(long position) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"p:{position}"));

    public static long? Position(string? cursor, string field = "after")
    {
        if (string.IsNullOrEmpty(cursor)) return null;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith("p:") && long.TryParse(text[2..], out var position)) return position;
        }
        catch (FormatException)
        {
        }
        throw new Recording.ValidationFailedException(new Recording.ValidationProblem(field, $"'{cursor}' is not a cursor this API gave out."));
    }

    public static int PageSize(int? first)
    {
        if (first is < 0 or > MaxPageSize)
            throw new Recording.ValidationFailedException(new Recording.ValidationProblem("first", $"first must be between 0 and {MaxPageSize}."));
        return first ?? DefaultPageSize;
    }

    /// <summary>Builds a page from up to <paramref name="size"/>+1 items fetched (the extra one tells whether more follow).</summary>
    public static Connection<T> Page<T>(IReadOnlyList<T> fetched, int size, Func<T, long> position, int totalCount)
    {
        var edges = fetched.Take(size).Select(item => new Edge<T>(Cursor(position(item)), item)).ToList();
        return new Connection<T>(edges, new PageInfo(fetched.Count > size, edges.LastOrDefault()?.Cursor), totalCount);
    }
}

public sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Where a page ends and whether more follow.";
        Field(x => x.HasNextPage).Description("True when more items follow this page.");
        Field(x => x.EndCursor, nullable: true).Description("The cursor of the last item of this page: pass it as `after` for the next page.");
    }
}
