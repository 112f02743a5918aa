using GraphQL;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Graph;

/// <summary>
/// Who sent the GraphQL request and under which correlation id, as the HTTP layer established it. Commands
/// take their actor from here, never from their input.
/// </summary>
public sealed record Caller(Actor Actor, string CorrelationId, string? Problem = null)
{
    private const string Key = "ledger.caller";

    public void AttachTo(IDictionary<string, object?> userContext) => userContext[Key] = this;

    public static Caller Of(IResolveFieldContext context) =>
        context.UserContext.TryGetValue(Key, out var caller) && caller is Caller known
            ? known
            : new Caller(Actor.Anonymous, Guid.NewGuid().ToString("N"));

    /// <summary>The caller of a command: must have said who they are.</summary>
    public Actor RequireActor(bool organizationRequired = true)
    {
        if (Problem is not null) throw new UnauthenticatedException(Problem);
        if (!Actor.IsKnown)
            throw new UnauthenticatedException("Recording a fact needs to know who records it: send the X-Actor header (user) and X-Actor-Organization (organization id).");
        if (organizationRequired && Actor.OrganizationId is null)
            throw new UnauthenticatedException("Recording this fact needs the acting organization: send the X-Actor-Organization header (organization id).");
        return Actor;
    }
}
