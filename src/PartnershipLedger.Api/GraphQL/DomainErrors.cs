using GraphQL;
using GraphQL.Instrumentation;
using PartnershipLedger.Validation;

namespace PartnershipLedger.Api.GraphQL;

/// <summary>
/// Turns the domain's refusals into GraphQL errors with a stable <c>extensions.code</c> (and, for validation,
/// the offending input in <c>extensions.field</c>): one error per problem.
/// </summary>
public sealed class DomainErrors : IFieldMiddleware
{
    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context, FieldMiddlewareDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ValidationFailedException refused)
        {
            var errors = refused.Problems
                .Select(problem => new ExecutionError(problem.Message) { Code = "VALIDATION" }.AddExtension("field", problem.Field))
                .ToList();
            // The last error is thrown rather than added, which keeps GraphQL.NET from adding a "cannot return
            // null for a non-null field" error of its own; it stamps location and path on a thrown error itself.
            foreach (var error in errors.SkipLast(1))
            {
                error.Path = context.ResponsePath;
                context.Errors.Add(error.AddLocation(context.FieldAst, context.Document));
            }
            throw errors[^1];
        }
    }
}
