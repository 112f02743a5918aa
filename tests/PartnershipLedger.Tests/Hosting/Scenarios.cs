using Marten;
using System.Text.Json;
using Alba;
using Microsoft.Extensions.DependencyInjection;

namespace PartnershipLedger.Tests.Hosting;

/// <summary>A partnership of two organizations, with a user of each, as most tests start from.</summary>
public sealed record TwoPartners(Guid PartnershipId, Guid First, Guid Second)
{
    public As FirstUser => new("ada@first.example", First);
    public As SecondUser => new("bo@second.example", Second);
}

/// <summary>Builds state through the public API, as a client would.</summary>
public static class Scenarios
{
    public static readonly DateTimeOffset FormedAt = new(2024, 1, 15, 9, 0, 0, TimeSpan.Zero);

    public static async Task<Guid> RegisterOrganizationAsync(this IAlbaHost host, string name, string partnerTypes = "ISV", string homeRegion = "Sweden")
    {
        var response = await host.GraphQLAsync(
            $"mutation {{ registerOrganization(input: {{ name: \"{name}\", partnerTypes: [{partnerTypes}], homeRegion: \"{homeRegion}\" }}) {{ organization {{ id }} }} }}",
            caller: new As("registrar@example.com"));
        return response.Data("registerOrganization").GetProperty("organization").GetProperty("id").GetGuid();
    }

    public static async Task<TwoPartners> FormPartnershipAsync(this IAlbaHost host, DateTimeOffset? formedAt = null)
    {
        var first = await host.RegisterOrganizationAsync("Contoso", "ISV", "Sweden");
        var second = await host.RegisterOrganizationAsync("Fabrikam", "SYSTEMS_INTEGRATOR", "Norway");
        var response = await host.RecordAsync("formPartnership",
            new { name = "Contoso + Fabrikam", memberIds = new[] { first, second }, occurredAt = formedAt ?? FormedAt },
            new As("ada@first.example", first));
        return new TwoPartners(response.Data("formPartnership").GetProperty("partnership").GetProperty("id").GetGuid(), first, second);
    }

    /// <summary>Forms a named partnership of the given members, acting for the first of them; returns its id.</summary>
    public static async Task<Guid> FormPartnershipAsync(this IAlbaHost host, string name, IReadOnlyList<Guid> memberIds, DateTimeOffset? formedAt = null)
    {
        var response = await host.RecordAsync("formPartnership", new { name, memberIds, occurredAt = formedAt ?? FormedAt }, new As("ada@example.com", memberIds[0]));
        return response.Data("formPartnership").GetProperty("partnership").GetProperty("id").GetGuid();
    }

    /// <summary>Forms a named circle of trust, acting for its first member; returns its id.</summary>
    public static async Task<Guid> FormCircleOfTrustAsync(this IAlbaHost host, string name, IReadOnlyList<Guid> memberIds)
    {
        var response = await host.GraphQLAsync("mutation Form($input: FormCircleOfTrustInput!) { formCircleOfTrust(input: $input) { circleOfTrust { id } } }",
            new { input = new { name, memberIds } }, caller: new As("ada@example.com", memberIds[0]));
        return response.Data("formCircleOfTrust").GetProperty("circleOfTrust").GetProperty("id").GetGuid();
    }

    /// <summary>
    /// Sends one mutation with its input as a variable (the input type is the mutation's name + "Input") and
    /// returns the whole response: assert on <c>.Data(name)</c> or <c>.Errors()</c>.
    /// </summary>
    public static Task<JsonElement> RecordAsync(this IAlbaHost host, string mutation, object input, As caller)
    {
        var inputType = char.ToUpperInvariant(mutation[0]) + mutation[1..] + "Input";
        var payload = mutation is "registerOrganization" or "renameOrganization" or "addOrganizationUser" or "removeOrganizationUser"
            ? "eventId version organization { id }"
            : "eventId version partnership { id version }";
        return host.GraphQLAsync($"mutation Record($input: {inputType}!) {{ {mutation}(input: $input) {{ {payload} }} }}", new { input }, caller: caller);
    }

    /// <summary>Records and returns the id of the event recorded (which identifies a lead, an agreement...).</summary>
    public static async Task<Guid> RecordedEventAsync(this IAlbaHost host, string mutation, object input, As caller) =>
        (await host.RecordAsync(mutation, input, caller)).Data(mutation).GetProperty("eventId").GetGuid();

    /// <summary>The partnership's events, in recording order (type, summary, metadata).</summary>
    public static async Task<IReadOnlyList<JsonElement>> TimelineAsync(this IAlbaHost host, Guid partnershipId)
    {
        var response = await host.GraphQLAsync(
            $"{{ partnership(id: \"{partnershipId}\") {{ timeline(first: 500) {{ edges {{ node {{ eventId type summary actor organizationId occurredAt recordedAt correlationId causationId retractsEventId }} }} }} }} }}");
        return response.Data("partnership").GetProperty("timeline").GetProperty("edges").EnumerateArray().Select(edge => edge.GetProperty("node")).ToList();
    }

    /// <summary>Waits until the ledger itself records an event (a reminder firing) in the partnership; returns it.</summary>
    public static async Task<JsonElement> WaitForEventAsync(this IAlbaHost host, Guid partnershipId, string type)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            var found = (await host.TimelineAsync(partnershipId)).FirstOrDefault(e => e.GetProperty("type").GetString() == type);
            if (found.ValueKind != JsonValueKind.Undefined) return found;
            await Task.Delay(250);
        }
        throw new TimeoutException($"No {type} event was recorded within 30 s.");
    }

    /// <summary>
    /// The types of the facts people recorded, in order. Facts the ledger records itself (a back-dated agreement's
    /// review reminder firing at once) arrive in the background and are left out.
    /// </summary>
    public static async Task<IReadOnlyList<string>> EventTypesAsync(this IAlbaHost host, Guid partnershipId) =>
        (await host.TimelineAsync(partnershipId)).Where(node => node.GetProperty("actor").GetString() != "ledger")
            .Select(node => node.GetProperty("type").GetString()!).ToList();
}

public static class Store
{
    /// <summary>
    /// How many business events the whole ledger holds: proof that a refused command stored nothing. The streams of
    /// access tokens (issued to the test's callers, denials) are not counted.
    /// </summary>
    public static async Task<long> EventCountAsync(this IAlbaHost host)
    {
        await using var session = host.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession();
        return await session.Events.QueryAllRawEvents()
            .Where(e => e.EventTypeName != "token_issued" && e.EventTypeName != "token_revoked" && e.EventTypeName != "access_denied")
            .LongCountAsync();
    }

    /// <summary>How many events imports stored (their correlation ids are import-…).</summary>
    public static async Task<long> ImportedEventCountAsync(this IAlbaHost host)
    {
        await using var session = host.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession();
        return await session.Events.QueryAllRawEvents().LongCountAsync(e => e.CorrelationId!.StartsWith("import-"));
    }
}
