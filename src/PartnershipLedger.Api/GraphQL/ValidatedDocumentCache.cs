using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace PartnershipLedger.Api.GraphQL;

/// <summary>
/// Parsed documents that passed validation, by their query text: a client sends the same few documents again and
/// again with other variables, and each was parsed and checked against the schema by every core rule on every request.
/// A cached document skips the parse and the core rules (the schema does not change while the API runs); the rules
/// added to them (the document limits, the complexity analyzer, introspection when disabled, queries only over GET)
/// still run on every request, and variables are still coerced and checked. At most <see cref="Capacity"/> documents of
/// at most <see cref="LongestQuery"/> characters are kept; beyond that, documents are parsed and validated each time.
/// </summary>
public sealed class ValidatedDocumentCache : IConfigureExecution
{
    public const int Capacity = 1_000;
    public const int LongestQuery = 16 * 1024;

    private readonly ConcurrentDictionary<string, GraphQLDocument> documents = new(StringComparer.Ordinal);

    /// <summary>After every option configuration (100) and 'Use' configuration (200): the rules are all in place.</summary>
    public float SortOrder => 300;

    public int Count => documents.Count;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { Length: <= LongestQuery } query) return await next(options);
        if (documents.TryGetValue(query, out var cached))
        {
            options.Document = cached;
            options.ValidationRules = AddedRules(options);
            return await next(options);
        }
        var result = await next(options);
        // Executed: the document parsed and every rule passed (execution errors, if any, came after).
        if (result.Executed && result.Document is { } parsed && documents.Count < Capacity) documents.TryAdd(query, parsed);
        return result;
    }

    /// <summary>The rules of this request beyond the core ones, with those already set to run on cached documents.</summary>
    private static IEnumerable<IValidationRule> AddedRules(ExecutionOptions options)
    {
        var core = DocumentValidator.CoreRules.Select(rule => rule.GetType()).ToHashSet();
        return (options.CachedDocumentValidationRules ?? [])
            .Concat((options.ValidationRules ?? DocumentValidator.CoreRules).Where(rule => !core.Contains(rule.GetType())))
            .DistinctBy(rule => rule.GetType())
            .ToList();
    }
}
