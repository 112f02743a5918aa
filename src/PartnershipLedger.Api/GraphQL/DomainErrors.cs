using GraphQL;
using GraphQL.Instrumentation;
using PartnershipLedger.Recording;

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
        catch (NotFoundException missing)
        {
            var error = new ExecutionError(missing.Message) { Code = "NOT_FOUND" };
            throw missing.Field is null ? error : error.AddExtension("field", missing.Field);
        }
        catch (Exception conflict) when (conflict is ConflictException or JasperFx.ConcurrencyException or JasperFx.DocumentAlreadyExistsException)
        {
            throw new ExecutionError(conflict is ConflictException
                ? conflict.Message
                : "Someone else recorded on the same stream at the same moment; nothing of this request was stored. Reload and retry.") { Code = "CONFLICT" };
        }
        catch (UnauthenticatedException unknown)
        {
            throw new ExecutionError(unknown.Message) { Code = "UNAUTHENTICATED" };
        }
    }
}
