using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;

namespace PartnershipLedger.Api.GraphQL;

/// <summary>
/// Parsed documents that passed validation, by their query text: a client sends the same few documents again and
/// again with other variables, and each was parsed and checked against the schema by every core rule on every request.
/// A kept document skips the parse and the core rules (they check the whole document against the schema, which does
/// not change while the API runs, whatever operation a request picks); the rules added to them (the document limits,
/// the complexity analyzer, introspection when disabled, queries only over GET) still run on every request, and
/// variables are still coerced and checked. Bounded by the total length of the kept queries
/// (<see cref="CapacityInCharacters"/>): the least recently used go first, and a document unused for an hour goes.
/// </summary>
public sealed class ValidatedDocumentCache : IConfigureExecution
{
    public const int CapacityInCharacters = 2_000_000;
    public const int LongestQuery = 16 * 1024;

    private static readonly TimeSpan Unused = TimeSpan.FromHours(1);
    private static readonly IReadOnlySet<Type> CoreRules = DocumentValidator.CoreRules.Select(rule => rule.GetType()).ToHashSet();

    private readonly MemoryCache documents = new(new MemoryCacheOptions { SizeLimit = CapacityInCharacters });

    /// <summary>After every option configuration (100) and 'Use' configuration (200): the rules are all in place.</summary>
    public float SortOrder => 300;

    /// <summary>Whether the document of <paramref name="query"/> is kept.</summary>
    public bool Holds(string query) => documents.TryGetValue(query, out _);

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { Length: <= LongestQuery } query) return await next(options);
        if (documents.TryGetValue(query, out GraphQLDocument? kept))
        {
            options.Document = kept;
            options.ValidationRules = AddedRules(options);
            return await next(options);
        }
        var result = await next(options);
        // Executed: the document parsed and every rule passed (execution errors, if any, came after).
        if (result.Executed && result.Document is { } parsed)
            documents.Set(query, parsed, new MemoryCacheEntryOptions { Size = query.Length, SlidingExpiration = Unused });
        return result;
    }

    /// <summary>The rules of this request beyond the core ones, with those already set to run on kept documents.</summary>
    private static List<IValidationRule> AddedRules(ExecutionOptions options) =>
        (options.CachedDocumentValidationRules ?? [])
            .Concat((options.ValidationRules ?? DocumentValidator.CoreRules).Where(rule => !CoreRules.Contains(rule.GetType())))
            .DistinctBy(rule => rule.GetType())
            .ToList();
}
