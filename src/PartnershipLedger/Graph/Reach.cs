using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using PartnershipLedger.Access;

namespace PartnershipLedger.Graph;

/// <summary>Reads of one thing by id: outside the caller's reach it is answered exactly like a missing one, and the attempt is recorded.</summary>
public static class Reach
{
    /// <summary><paramref name="found"/> when the caller may see it; otherwise null (as for an unknown id), with an AccessDenied recorded.</summary>
    public static async Task<T?> WithinReachAsync<T>(this IResolveFieldContext context, T? found, Func<T, IEnumerable<Guid>> memberIds, string what) where T : class
    {
        if (found is null) return null;
        var caller = Caller.Of(context);
        if (caller.Actor.MaySee(memberIds(found))) return found;
        await context.RequestServices!.GetRequiredService<AccessDenials>().RecordAsync(caller.Actor, caller.CorrelationId,
            context.FieldDefinition.Name, $"Asked for {what} outside its reach.", CancellationToken.None);
        return null;
    }
}
