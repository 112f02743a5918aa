using System.Text.Json;
using Alba;
using PartnershipLedger.Tests.Hosting;

namespace PartnershipLedger.Tests.Functions;

public static class Refusals
{
    /// <summary>
    /// Sends a mutation that must be refused with exactly one VALIDATION error on <paramref name="field"/>,
    /// and checks that the partnership's events are still exactly those it had before.
    /// </summary>
    public static async Task<JsonElement> AssertRefusedAsync(this IAlbaHost host, Guid partnershipId, string mutation, object input, As caller, string field)
    {
        var before = await host.EventTypesAsync(partnershipId);

        var response = await host.RecordAsync(mutation, input, caller);

        var error = response.SingleError("VALIDATION");
        Assert.Equal(field, error.Field());
        Assert.Equal(before, await host.EventTypesAsync(partnershipId));
        return error;
    }

    /// <summary>A third registered organization that is not a member of the partnership, and a user of it.</summary>
    /// <summary>
    /// Sends a command from outside the partnership's reach: it is answered exactly as for a partnership that does not
    /// exist, and nothing is stored.
    /// </summary>
    public static async Task AssertOutOfReachAsync(this IAlbaHost host, Guid partnershipId, string mutation, object input, As caller)
    {
        var before = await host.EventTypesAsync(partnershipId);

        var response = await host.RecordAsync(mutation, input, caller);

        Assert.Equal($"No partnership has the id {partnershipId}.", response.SingleError("NOT_FOUND").GetProperty("message").GetString());
        Assert.Equal(before, await host.EventTypesAsync(partnershipId));
    }

    public static async Task<As> OutsiderAsync(this IAlbaHost host)
    {
        var third = await host.RegisterOrganizationAsync("Northwind", "ISV", "Denmark");
        return new As("x@third.example", third);
    }
}
