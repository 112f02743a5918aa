using System.Text;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Marten;
using Marten.Linq.MatchesSql;
using Microsoft.Extensions.DependencyInjection;
using PartnershipLedger.CirclesOfTrust;
using PartnershipLedger.Graph;
using PartnershipLedger.Model;
using PartnershipLedger.Organizations;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Partnerships;

/// <summary>Which partnerships a list shows; every filter given must hold.</summary>
/// <param name="OrganizationId">Partnerships this organization is a member of.</param>
/// <param name="PartnerType">Partnerships with at least one member of this partner type.</param>
/// <param name="CircleOfTrustId">Partnerships all of whose members are in this circle of trust.</param>
/// <param name="Name">A case-insensitive part of the name.</param>
/// <param name="Reach">Only partnerships with a member among these organizations: the caller's reach; null for an admin.</param>
public sealed record PartnershipFilter(
    Guid? OrganizationId = null,
    PartnerType? PartnerType = null,
    Guid? CircleOfTrustId = null,
    PartnershipStatus? Status = null,
    string? Name = null,
    IReadOnlyList<Guid>? Reach = null)
{
    /// <summary>This filter narrowed to what <paramref name="actor"/> may see.</summary>
    public PartnershipFilter WithinReachOf(Actor actor) => actor.SeesEverything ? this : this with { Reach = actor.Reach };
}

/// <summary>
/// Pages of partnerships, ordered by name then id, read from the <see cref="PartnershipSummary"/> documents. A page
/// and its total count are one batched round trip, whatever the filters: the member filters are SQL over the GIN
/// index on MemberIds (see <see cref="Configuration"/>), with the organizations of a partner type and the members of
/// a circle looked up by subqueries rather than by queries of their own.
/// </summary>
public static class PartnershipList
{
    public static async Task<Connection<PartnershipSummary>> PageAsync(
        IQuerySession session, PartnershipFilter filter, int size, NameCursor? after, CancellationToken cancellation)
    {
        var batch = session.CreateBatchQuery();
        var total = Where(batch.Query<PartnershipSummary>(), filter, session).Count();
        var matches = Where(batch.Query<PartnershipSummary>(), filter, session);
        if (after is { } cursor)
            matches = matches.Where(x => x.MatchesSql('^', "(d.data ->> 'Name', d.id) > (^, ^)", cursor.Name, cursor.Id));
        var page = matches.OrderBy(x => x.Name).ThenBy(x => x.Id).Take(size + 1).ToList();
        await batch.Execute(cancellation);

        var fetched = await page;
        var edges = fetched.Take(size).Select(summary => new Edge<PartnershipSummary>(new NameCursor(summary.Name, summary.Id).Encode(), summary)).ToList();
        return new Connection<PartnershipSummary>(edges, new PageInfo(fetched.Count > size, edges.LastOrDefault()?.Cursor), (int)await total);
    }

    /// <summary>The ids of every partnership the filter selects (for aggregates over a filtered portfolio).</summary>
    public static async Task<IReadOnlyList<Guid>> IdsAsync(IQuerySession session, PartnershipFilter filter, CancellationToken cancellation)
    {
        var batch = session.CreateBatchQuery();
        var ids = Where(batch.Query<PartnershipSummary>(), filter, session).Select(x => x.Id).ToList();
        await batch.Execute(cancellation);
        return await ids;
    }

    private static Marten.Services.BatchQuerying.IBatchedQueryable<PartnershipSummary> Where(
        Marten.Services.BatchQuerying.IBatchedQueryable<PartnershipSummary> query, PartnershipFilter filter, IQuerySession session)
    {
        // '^' marks parameters because '?', '?|' are the jsonb operators the GIN index serves.
        if (filter.Reach is { } reach)
            // Wrapped in an object[]: a bare string[] would bind as MatchesSql's params array, one parameter per id.
            query = query.Where(x => x.MatchesSql('^', "d.data -> 'MemberIds' ?| ^", new object[] { reach.Select(id => id.ToString()).ToArray() }));
        if (filter.OrganizationId is { } organization)
            query = query.Where(x => x.MatchesSql('^', "d.data -> 'MemberIds' ? ^", organization.ToString()));
        if (filter.PartnerType is { } type)
        {
            var organizations = DocumentTables.Of<Organization>(session);
            var types = session.DocumentStore.Options.Serializer().ToCleanJson(new[] { type });
            query = query.Where(x => x.MatchesSql('^',
                $"d.data -> 'MemberIds' ?| array(select o.id::text from {organizations} o where o.data -> 'PartnerTypes' @> ^::jsonb)", types));
        }
        if (filter.CircleOfTrustId is { } circle)
        {
            var circles = DocumentTables.Of<CircleOfTrust>(session);
            // The ?| test (some member in the circle) lets the index narrow the rows; <@ then asks for all of them.
            query = query.Where(x => x.MatchesSql('^',
                $"d.data -> 'MemberIds' ?| array(select jsonb_array_elements_text(c.data -> 'MemberIds') from {circles} c where c.id = ^) " +
                $"and d.data -> 'MemberIds' <@ (select c.data -> 'MemberIds' from {circles} c where c.id = ^)", circle, circle));
        }
        if (filter.Status is { } status)
            query = query.Where(x => x.Status == status);
        if (!string.IsNullOrEmpty(filter.Name))
            query = query.Where(x => x.MatchesSql('^', "strpos(lower(d.data ->> 'Name'), lower(^)) > 0", filter.Name));
        return query;
    }

    /// <summary>The arguments of every partnership list: a page size and where the previous page ended.</summary>
    public static FieldBuilder<TSource, object> WithPaging<TSource>(this FieldBuilder<TSource, object> field) =>
        field
            .Argument<IntGraphType>("first", $"Page size (default {Paging.DefaultPageSize}, at most {Paging.MaxPageSize}).")
            .Argument<StringGraphType>("after", "The endCursor of the previous page.");

    public static FieldBuilder<TSource, object> StatusArgument<TSource>(this FieldBuilder<TSource, object> field) =>
        field.Argument<PartnershipStatusGraphType>("status", "Only partnerships with this status.");

    /// <summary>Resolves to the page of partnerships <paramref name="filter"/> selects, narrowed by the status argument.</summary>
    public static FieldBuilder<TSource, object> ResolvePage<TSource>(this FieldBuilder<TSource, object> field, Func<IResolveFieldContext<TSource>, PartnershipFilter> filter) =>
        field.ResolveAsync(async context => await PageAsync(
            context.RequestServices!.GetRequiredService<IQuerySession>(),
            (filter(context) with { Status = context.GetArgument<PartnershipStatus?>("status") }).WithinReachOf(Caller.Of(context).Actor),
            Paging.PageSize(context.GetArgument<int?>("first")),
            NameCursor.Decode(context.GetArgument<string?>("after")),
            context.CancellationToken));

    public static void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<PartnershipConnectionGraphType>>("partnerships")
            .Description("Partnerships by name, a page at a time; every filter given must hold.")
            .WithPaging()
            .Argument<IdGraphType>("organizationId", "Only partnerships this organization is a member of.")
            .Argument<PartnerTypeGraphType>("partnerType", "Only partnerships with at least one member of this partner type.")
            .Argument<IdGraphType>("circleOfTrustId", "Only partnerships inside this circle of trust: all of their members are in it.")
            .StatusArgument()
            .Argument<StringGraphType>("name", "Only partnerships whose name contains this text, ignoring case.")
            .ResolvePage(context => new PartnershipFilter(
                OrganizationId: IdArguments.Optional(context, "organizationId"),
                PartnerType: context.GetArgument<PartnerType?>("partnerType"),
                CircleOfTrustId: IdArguments.Optional(context, "circleOfTrustId"),
                Name: context.GetArgument<string?>("name")));

}

/// <summary>
/// Where a page of partnerships ends: the name and id of its last partnership. It stays valid when partnerships
/// are formed or end in between: the next page starts after that name and id.
/// </summary>
public sealed record NameCursor(string Name, Guid Id)
{
    public string Encode() => Convert.ToBase64String(Encoding.UTF8.GetBytes($"n:{Id}:{Name}"));

    public static NameCursor? Decode(string? cursor, string field = "after")
    {
        if (string.IsNullOrEmpty(cursor)) return null;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            var parts = text.Split(':', 3);
            if (parts is ["n", var id, var name] && Guid.TryParse(id, out var guid)) return new NameCursor(name, guid);
        }
        catch (FormatException)
        {
        }
        throw new ValidationFailedException(new ValidationProblem(field, $"'{cursor}' is not a cursor this API gave out."));
    }
}

public sealed class PartnershipEdgeGraphType : ObjectGraphType<Edge<PartnershipSummary>>
{
    public PartnershipEdgeGraphType()
    {
        Name = "PartnershipEdge";
        Description = "A partnership in a page.";
        Field(x => x.Cursor).Description("Where this partnership is: pass it as `after` to get the partnerships that follow.");
        Field<NonNullGraphType<PartnershipGraphType>>("node").Description("The partnership.").Resolve(context => context.Source.Node);
    }
}

public sealed class PartnershipConnectionGraphType : ObjectGraphType<Connection<PartnershipSummary>>
{
    public PartnershipConnectionGraphType()
    {
        Name = "PartnershipConnection";
        Description = "A page of partnerships, ordered by name then id.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PartnershipEdgeGraphType>>>>("edges").Description("The partnerships of this page.").Resolve(context => context.Source.Edges);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Description("Whether more partnerships follow.").Resolve(context => context.Source.PageInfo);
        Field(x => x.TotalCount).Description("How many partnerships match the filters in all, over every page.");
    }
}
