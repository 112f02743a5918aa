using GraphQL;
using GraphQL.Execution;
using GraphQL.Instrumentation;
using PartnershipLedger.Access;
using PartnershipLedger.Graph;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Api.GraphQL;

/// <summary>
/// Turns the domain's refusals into GraphQL errors with a stable <c>extensions.code</c> (and, for validation,
/// the offending input in <c>extensions.field</c>): one error per problem. Anything else is an internal error:
/// logged with the request's correlation id, answered with that id and no details.
/// </summary>
public sealed class DomainErrors : IFieldMiddleware
{
    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context, FieldMiddlewareDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception refused) when (Translate(refused) is { Count: > 0 } errors)
        {
            await RecordDenialAsync(refused, context);
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

    /// <summary>For exceptions that escape field middleware (raised while a DataLoader result is awaited, say).</summary>
    public static async Task HandleUnhandledAsync(UnhandledExceptionContext context, ILogger logger)
    {
        var errors = Translate(context.OriginalException);
        if (errors.Count > 0)
        {
            if (context.FieldContext is { } fieldContext) await RecordDenialAsync(context.OriginalException, fieldContext);
            foreach (var extra in errors.Skip(1)) context.Context?.Errors.Add(extra);
            context.Exception = errors[0];
            return;
        }
        var correlation = context.FieldContext is { } field ? Caller.Of(field).CorrelationId : "unknown";
        logger.LogError(context.OriginalException, "Internal error in GraphQL request {CorrelationId}", correlation);
        context.Exception = new ExecutionError($"An internal error occurred; it was logged with correlation id {correlation}.") { Code = "INTERNAL" }
            .AddExtension("correlationId", correlation);
    }

    /// <summary>A known caller refused for their role or reach leaves an AccessDenied event on their token's stream.</summary>
    private static async Task RecordDenialAsync(Exception refused, IResolveFieldContext context)
    {
        if (refused is not (ForbiddenException or NotFoundException { OutOfReach: true })) return;
        var caller = Caller.Of(context);
        if (!caller.Actor.IsKnown) return;
        await context.RequestServices!.GetRequiredService<AccessDenials>()
            .RecordAsync(caller.Actor, caller.CorrelationId, context.FieldDefinition.Name, refused.Message, CancellationToken.None);
    }

    private static IReadOnlyList<ExecutionError> Translate(Exception exception) => exception switch
    {
        ValidationFailedException refused => refused.Problems
            .Select(problem => new ExecutionError(problem.Message) { Code = "VALIDATION" }.AddExtension("field", problem.Field)).ToList(),
        NotFoundException missing => [missing.Field is null
            ? new ExecutionError(missing.Message) { Code = "NOT_FOUND" }
            : new ExecutionError(missing.Message) { Code = "NOT_FOUND" }.AddExtension("field", missing.Field)],
        ConflictException conflict => [new ExecutionError(conflict.Message) { Code = "CONFLICT" }],
        JasperFx.ConcurrencyException or JasperFx.DocumentAlreadyExistsException =>
            [new ExecutionError("Someone else recorded on the same stream at the same moment; nothing of this request was stored. Reload and retry.") { Code = "CONFLICT" }],
        UnauthenticatedException unknown => [new ExecutionError(unknown.Message) { Code = "UNAUTHENTICATED" }],
        ForbiddenException forbidden => [new ExecutionError(forbidden.Message) { Code = "FORBIDDEN" }],
        _ => [],
    };
}
