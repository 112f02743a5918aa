using GraphQL.Validation;
using GraphQLParser.AST;

namespace PartnershipLedger.Api.GraphQL;

/// <summary>
/// What one request to /graphql may ask for: configuration section <c>GraphQL</c> (see README, Configuration).
/// Every refusal carries <c>extensions.code</c> = <see cref="Code"/> and names the limit it hit.
/// </summary>
public sealed class GraphQLLimits
{
    public const string Section = "GraphQL";
    public const string Code = "LIMIT_EXCEEDED";

    /// <summary>How deeply fields may nest (GraphQL.NET's complexity analyzer).</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>The highest complexity GraphQL.NET's analyzer may estimate for a query (lists count 20 times unless paged by <c>first</c>).</summary>
    public int MaxComplexity { get; set; } = 1_000_000;

    /// <summary>How many aliased fields a document may have.</summary>
    public int MaxAliases { get; set; } = 30;

    /// <summary>How many operations a document may hold.</summary>
    public int MaxOperations { get; set; } = 10;

    /// <summary>The largest POST body, in bytes (413 beyond it).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The longest query string of a GET, in characters (414 beyond it).</summary>
    public int MaxQueryStringLength { get; set; } = 8 * 1024;

    /// <summary>How long a request may execute before it is cancelled.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether <c>__schema</c> and <c>__type</c> may be queried (<c>__typename</c> always may).</summary>
    public bool Introspection { get; set; } = true;
}

/// <summary>Counts the aliases and operations of a document against <see cref="GraphQLLimits"/>.</summary>
public sealed class DocumentLimitsRule(GraphQLLimits limits) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var definitions = context.Document.Definitions;
        var operations = definitions.Count(definition => definition is GraphQLOperationDefinition);
        if (operations > limits.MaxOperations)
            context.ReportError(Exceeded($"The document holds {operations} operations; at most {limits.MaxOperations} are allowed (GraphQL:MaxOperations)."));

        var aliases = 0;
        foreach (var definition in definitions)
            if (definition is IHasSelectionSetNode { SelectionSet: { } selections }) aliases += Aliases(selections);
        if (aliases > limits.MaxAliases)
            context.ReportError(Exceeded($"The document has {aliases} aliases; at most {limits.MaxAliases} are allowed (GraphQL:MaxAliases)."));
        return default;
    }

    private static int Aliases(GraphQLSelectionSet set)
    {
        var count = 0;
        foreach (var selection in set.Selections)
        {
            if (selection is GraphQLField { Alias: not null }) count++;
            if (selection is IHasSelectionSetNode { SelectionSet: { } inner }) count += Aliases(inner);
        }
        return count;
    }

    private static ValidationError Exceeded(string message) => new(message) { Code = GraphQLLimits.Code };
}
