using GraphQL;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Graph;

/// <summary>
/// ID arguments read as the ledger's ids. GraphQL's ID type accepts any string, so a malformed one is refused
/// here, naming the argument, instead of failing deep inside a resolver as an internal error.
/// </summary>
public static class IdArguments
{
    /// <summary>An optional id argument; null when omitted.</summary>
    public static Guid? Optional(IResolveFieldContext context, string argument) => context.GetArgument<string?>(argument) switch
    {
        null => null,
        var text when Guid.TryParse(text, out var id) => id,
        var text => throw new ValidationFailedException(new ValidationProblem(argument, $"'{text}' is not an id of this ledger.")),
    };

    /// <summary>A required id argument (its type is ID!, so GraphQL has already refused an omitted one).</summary>
    public static Guid Required(IResolveFieldContext context, string argument) =>
        Optional(context, argument) ?? throw new ValidationFailedException(new ValidationProblem(argument, "An id is required."));
}
