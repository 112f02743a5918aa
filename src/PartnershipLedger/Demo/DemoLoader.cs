using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PartnershipLedger.Recording;
using Wolverine;

namespace PartnershipLedger.Demo;

/// <summary>A demo partnership as recorded: its real id, to query it.</summary>
public sealed record LoadedPartnership(Guid Id, string Name, DemoProfile Profile);

/// <summary>What loading the demo recorded, and how long it took.</summary>
public sealed record DemoLoadResult(int Organizations, int Circles, IReadOnlyList<LoadedPartnership> Partnerships, int Commands, TimeSpan Elapsed);

/// <summary>
/// Records a <see cref="DemoPlan"/> through Wolverine, one command at a time, exactly as the API sends them: the
/// decisions check every demo fact as they would a user's. A refusal stops the load with the command in the message:
/// the generator must only produce valid facts.
/// </summary>
public static class DemoLoader
{
    private const int RaceAttempts = 8;

    /// <summary>Records the plan with the host's services (a scope of its own for the message bus).</summary>
    public static async Task<DemoLoadResult> LoadAsync(IServiceProvider services, DemoPlan plan, ILogger logger, CancellationToken cancellation = default)
    {
        await using var scope = services.CreateAsyncScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        var stopwatch = Stopwatch.StartNew();
        var ids = new PlaceholderIds();
        var commands = 0;
        foreach (var step in plan.Setup)
        {
            await SendAsync(bus, step, ids, cancellation);
            commands++;
        }

        var loaded = new List<LoadedPartnership>();
        foreach (var partnership in plan.Partnerships)
        {
            foreach (var step in partnership.Steps)
            {
                await SendAsync(bus, step, ids, cancellation);
                commands++;
            }
            loaded.Add(new LoadedPartnership(ids.Real(partnership.Placeholder), partnership.Name, partnership.Profile));
            if (loaded.Count % 10 == 0 && loaded.Count < plan.Partnerships.Count)
                logger.LogInformation("Demo: {Loaded} of {Total} partnerships loaded ({Commands} commands, {Seconds:0.0} s)",
                    loaded.Count, plan.Partnerships.Count, commands, stopwatch.Elapsed.TotalSeconds);
        }
        return new DemoLoadResult(plan.Organizations, plan.Circles, loaded, commands, stopwatch.Elapsed);
    }

    private static async Task SendAsync(IMessageBus bus, DemoStep step, PlaceholderIds ids, CancellationToken cancellation)
    {
        var command = ids.Resolve(step.Command);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var recorded = await bus.InvokeAsync<Recorded>(command, cancellation);
                // A new stream is known by its stream id; a fact that later facts refer to, by its event id.
                if (step.Creates is { } placeholder) ids.Learn(placeholder, command is StreamCommand ? recorded.EventId : recorded.StreamId);
                return;
            }
            catch (JasperFx.ConcurrencyException) when (attempt < RaceAttempts)
            {
                // A review reminder appended to the same stream in between: decide again on the fresh state.
                await Task.Delay(10 * attempt, cancellation);
            }
            catch (Exception refused) when (refused is not OperationCanceledException)
            {
                throw new DemoLoadException(command, refused);
            }
        }
    }

    /// <summary>
    /// The real ids behind the plan's placeholders, learnt as commands are recorded, and substituted into every later
    /// command: each id-valued property (ids, lists of ids, the actor's organization) of the command record.
    /// </summary>
    private sealed class PlaceholderIds
    {
        private readonly Dictionary<Guid, Guid> real = [];

        public void Learn(Guid placeholder, Guid id) => real.Add(placeholder, id);

        public Guid Real(Guid placeholder) =>
            real.TryGetValue(placeholder, out var id) ? id : throw new InvalidOperationException($"The demo refers to {placeholder} before recording what it stands for.");

        public Command Resolve(Command command)
        {
            var copy = command with { };
            foreach (var property in copy.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.CanWrite))
            {
                object? resolved = property.GetValue(copy) switch
                {
                    Guid id => Real(id),
                    IReadOnlyList<Guid> ids => ids.Select(Real).ToList(),
                    // The server loads the demo as an administrator acting for each person of the cast.
                    Actor actor => actor with { OrganizationId = actor.OrganizationId is { } organization ? Real(organization) : null, Role = Access.Role.Admin },
                    _ => null,
                };
                if (resolved is not null) property.SetValue(copy, resolved);
            }
            return copy;
        }
    }
}

/// <summary>A demo command was refused: the generator produced an invalid fact. Names the command, as it was sent.</summary>
public sealed class DemoLoadException(Command command, Exception refusal)
    : Exception($"The demo could not be loaded: the ledger refused a {command.GetType().Name} ({refusal.Message}). The command: {Describe(command)}", refusal)
{
    public Command Command { get; } = command;

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    private static string Describe(Command command) => JsonSerializer.Serialize(command, command.GetType(), Json);
}
