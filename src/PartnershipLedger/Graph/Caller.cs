using GraphQL;
using PartnershipLedger.Access;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Graph;

/// <summary>
/// Who sent the GraphQL request and under which correlation id, as the HTTP layer established it from the bearer
/// token. Commands take their actor from here, never from their input; reads filter by its reach.
/// </summary>
public sealed record Caller(Actor Actor, string CorrelationId)
{
    private const string Key = "ledger.caller";

    public void AttachTo(IDictionary<string, object?> userContext) => userContext[Key] = this;

    public static Caller Of(IResolveFieldContext context) =>
        context.UserContext.TryGetValue(Key, out var caller) && caller is Caller known
            ? known
            : new Caller(Actor.Anonymous, Guid.NewGuid().ToString("N"));

    /// <summary>The caller of a command: known, and allowed to record.</summary>
    public Actor RequireActor(bool organizationRequired = true)
    {
        if (!Actor.IsKnown)
            throw new UnauthenticatedException("Recording a fact needs to know who records it: send a bearer token (Authorization: Bearer ...).");
        if (Actor.Role == Role.Auditor)
            throw new ForbiddenException($"{Actor.User} is an auditor: auditors read the ledger, they do not record in it.");
        if (organizationRequired && Actor.OrganizationId is null && !Actor.SeesEverything)
            throw new ForbiddenException("Recording this fact needs an acting organization, and your token names none.");
        return Actor;
    }

    /// <summary>The caller of an administrative operation (issuing and revoking tokens): an admin.</summary>
    public Actor RequireAdmin(string operation)
    {
        if (!Actor.IsKnown)
            throw new UnauthenticatedException($"{operation} needs a bearer token (Authorization: Bearer ...).");
        Actor.RequireAdmin(operation);
        return Actor;
    }
}
